import Foundation
import Scenario

/// A scenario's `ground-truth.jsonl`: for every raw record, the true home and its cluster.
public struct GroundTruth: Sendable {
    /// Every entry, by record key (`source/recordId`).
    public let entries: [String: GroundTruthEntry]

    /// Creates a ground truth from its entries.
    public init(_ entries: [GroundTruthEntry]) {
        self.entries = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Reads `ground-truth.jsonl` of a scenario folder.
    /// - Throws: ``EvaluationError`` naming the file or the line that cannot be read.
    public static func load(folder: URL) throws(EvaluationError) -> GroundTruth {
        let file = folder.appendingPathComponent("ground-truth.jsonl")
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw EvaluationError(reason: "cannot read the ground truth", input: file.path)
        }
        let decoder = JSONDecoder()
        var entries: [GroundTruthEntry] = []
        for (index, line) in text.split(separator: "\n").enumerated() {
            do {
                entries.append(try decoder.decode(GroundTruthEntry.self, from: Data(line.utf8)))
            } catch {
                throw EvaluationError(reason: "not a ground-truth entry: \(error)", input: "\(file.path):\(index + 1)")
            }
        }
        return GroundTruth(entries)
    }
}
