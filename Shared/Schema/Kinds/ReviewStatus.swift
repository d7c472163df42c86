/// Where a review task stands.
public enum ReviewStatus: String, Codable, Sendable, CaseIterable {
    /// Waiting for a decision.
    case open

    /// Accepted: merge the duplicates, keep the prediction, promote the model.
    case approved

    /// Refused: keep the records apart, discard the prediction, reject the model.
    case rejected

    /// Closed without a decision, for example because it became obsolete.
    case dismissed
}
