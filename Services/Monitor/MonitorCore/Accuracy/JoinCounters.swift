/// What the prediction–feedback join did with its inputs, for `/metrics` and the dashboard.
public struct JoinCounters: Sendable, Equatable {
    /// Sale prices joined to their prediction.
    public var joined = 0
    /// Sale prices for a prediction already scored (repeated or retried feedback), ignored.
    public var duplicateFeedback = 0
    /// Feedback that is not a sale price (ratings, corrections), ignored.
    public var otherFeedback = 0
    /// Sale prices whose prediction never arrived within the time to live or the size cap.
    public var droppedFeedback = 0
    /// Predictions dropped unscored because they outlived the time to live.
    public var expiredPredictions = 0
    /// Predictions dropped unscored because the size cap was reached.
    public var evictedPredictions = 0

    /// Creates zero counters.
    public init() {}

    /// The counters by name, as metric values.
    public var values: [String: Double] {
        [
            "joined": Double(joined), "duplicateFeedback": Double(duplicateFeedback), "otherFeedback": Double(otherFeedback),
            "droppedFeedback": Double(droppedFeedback), "expiredPredictions": Double(expiredPredictions),
            "evictedPredictions": Double(evictedPredictions),
        ]
    }
}
