/// How alike two records are, from 0 (nothing in common) to 1 (same address and attributes).
public struct SimilarityScore: Sendable, Equatable {
    /// The similarity of the addresses alone.
    public var address: Double
    /// The fraction of shared attributes that agree, or `nil` when the records share none.
    public var attributes: Double?
    /// The weighted combination the thresholds apply to.
    public var total: Double
    /// Whether both records give the same house number: only such a pair can be a question
    /// for a person (two numbers on one street are two homes, whatever else they share).
    public var sameHouseNumber: Bool
    /// Whether the records' postal codes (or cities, where a record gives no postal code) do
    /// not contradict each other: equal, or one of them unknown. The same street name and
    /// number in two towns is two homes, not a question for a person.
    public var samePlace: Bool

    /// Whether the pair may become a review task: one house number in one place.
    public var isReviewable: Bool { sameHouseNumber && samePlace }
}
