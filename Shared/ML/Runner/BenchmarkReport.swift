import Foundation

/// Every figure of `homeprice bench training` and its ratios to the reference libraries.
public struct BenchmarkReport: Codable, Sendable {
    /// Figures by `benchmark.library` (e.g. `ames.swift`, `scale.lightgbm`), then by name (`rmse`, `train_seconds`, …).
    public var figures: [String: [String: Double]] = [:]
    /// Ratios by name, e.g. `ames.rmse.swift/lightgbm`; below 1 means smaller for this engine.
    public var ratios: [String: Double] = [:]

    public init() {}

    /// Fills ``ratios``: this engine's figure over each reference library's, for every figure both have.
    mutating func computeRatios() {
        for benchmark in ["ames", "scale"] {
            guard let swift = figures["\(benchmark).swift"] else { continue }
            for library in ["lightgbm", "xgboost"] {
                guard let other = figures["\(benchmark).\(library)"] else { continue }
                for (name, value) in swift {
                    if let reference = other[name], reference != 0 {
                        ratios["\(benchmark).\(name).swift/\(library)"] = value / reference
                    }
                }
            }
        }
    }

    /// The figures and ratios as aligned text lines.
    public var text: String {
        var lines: [String] = []
        for key in figures.keys.sorted() {
            lines.append(key)
            for (name, value) in figures[key]!.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(Self.format(value))")
            }
        }
        lines.append("ratios (swift / reference)")
        for (name, value) in ratios.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(name.padding(toLength: 60, withPad: " ", startingAt: 0)) \(Self.format(value))")
        }
        return lines.joined(separator: "\n")
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 10_000).rounded() / 10_000
        return "\(rounded)"
    }
}
