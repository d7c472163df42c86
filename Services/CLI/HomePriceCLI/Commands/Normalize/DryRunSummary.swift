import NormalizerCore

/// `homeprice normalize --summary`: what a dry run gave, counted by outcome, by source, and
/// the errors by field and code. Every record read counts, also one its reader could not
/// make a record of (a bad line, an empty file), so without `--resolve` (whose outcomes are
/// clusters and pairs to review) the outcomes add up to the records.
struct DryRunSummary {
    private(set) var recordsBySource: [String: Int] = [:]
    private(set) var outcomes: [String: Int] = [:]
    private(set) var errorsByField: [String: Int] = [:]
    private(set) var errorsByCode: [String: Int] = [:]

    /// Counts `results` of a run over `recordsBySource` records.
    init(recordsBySource: [String: Int], results: [DryRunResult]) {
        self.recordsBySource = recordsBySource
        for result in results {
            switch result {
            case .home: outcomes["home", default: 0] += 1
            case .cluster: outcomes["cluster", default: 0] += 1
            case .review: outcomes["review", default: 0] += 1
            case .errors(_, let reasons):
                outcomes["error", default: 0] += 1
                for field in Set(reasons.map { $0.field ?? "(record)" }) { errorsByField[field, default: 0] += 1 }
                for code in Set(reasons.map(\.code)) { errorsByCode[code, default: 0] += 1 }
            }
        }
    }

    /// The summary as text, one count per line, largest first within each part.
    var lines: [String] {
        func list(_ title: String, _ counts: [String: Int]) -> [String] {
            counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\(title) \($0.key): \($0.value)" }
        }
        return ["records: \(recordsBySource.values.reduce(0, +))"] + list("source", recordsBySource)
            + ["home", "error", "cluster", "review"].compactMap { outcome in outcomes[outcome].map { "outcome \(outcome): \($0)" } }
            + list("error field", errorsByField) + list("error code", errorsByCode)
    }
}
