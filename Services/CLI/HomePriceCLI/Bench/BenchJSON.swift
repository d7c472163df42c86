import Foundation

/// The `--json` output of every `homeprice bench`: one JSON object, keys sorted, non-finite
/// figures as the strings `inf`, `-inf` and `nan`.
enum BenchJSON {
    /// Prints `report` as one line of JSON.
    static func print(_ report: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        Swift.print(String(decoding: try encoder.encode(report), as: UTF8.self))
    }
}
