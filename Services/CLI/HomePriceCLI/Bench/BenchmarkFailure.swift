/// A benchmark that could not produce its figures, with the reason.
struct BenchmarkFailure: Error, CustomStringConvertible {
    /// What went wrong, for the person running the benchmark.
    let reason: String

    var description: String { "bench: \(reason)" }
}
