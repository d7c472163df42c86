/// What one pass of a producer published.
public struct IngestionSummary: Sendable, Equatable {
    /// Raw records published to `homes.raw`.
    public var records = 0
    /// Dead letters published to `homes.deadletter`.
    public var deadLetters = 0

    /// Creates an empty summary.
    public init() {}

    /// Adds `other` to this summary.
    public mutating func add(_ other: IngestionSummary) {
        records += other.records
        deadLetters += other.deadLetters
    }
}
