/// The normalizer's quality on a scenario: how many records came through, per-field accuracy
/// and coverage, and duplicate-cluster precision, recall and F1.
public struct EvaluationReport: Sendable, Equatable, Codable {
    /// Raw records fed in.
    public var records: Int
    /// Records that ended in a canonical home.
    public var normalized: Int
    /// Records rejected to the dead-letter topic.
    public var deadLettered: Int
    /// Canonical homes produced (live, not merged away).
    public var homes: Int
    /// True homes behind the records.
    public var trueHomes: Int
    /// One score per canonical field, in ``FieldComparison/fields`` order.
    public var fields: [FieldScore]
    /// Duplicate clusters against the ground truth.
    public var clusters: ClusterScore

    /// All fields' correct values over all produced values.
    public var overallAccuracy: Double {
        let produced = fields.map(\.produced).reduce(0, +)
        return produced == 0 ? 1 : Double(fields.map(\.correct).reduce(0, +)) / Double(produced)
    }

    /// The score of one field.
    public subscript(field: String) -> FieldScore? {
        fields.first { $0.field == field }
    }
}
