/// Why a human is asked to decide.
public enum ReviewTaskKind: String, Codable, Sendable, CaseIterable {
    /// Entity resolution could not tell whether records are the same home.
    case ambiguousDuplicate

    /// A prediction's interval was too wide to trust.
    case lowConfidencePrediction

    /// A validated candidate model waits for approval before promotion.
    case modelAwaitingApproval
}
