import Foundation

/// The bounds of the prediction–feedback join, from `monitor.accuracy.join.` in
/// `configs/monitor.yaml`.
public struct JoinSettings: Sendable, Equatable {
    /// How long (event time) a prediction waits for its feedback, and feedback for its prediction.
    public var timeToLive: TimeInterval
    /// The most predictions kept waiting.
    public var maximumPredictions: Int
    /// The most pieces of feedback kept waiting for a prediction not yet seen.
    public var maximumPendingFeedback: Int

    /// Creates bounds from their parts.
    public init(timeToLive: TimeInterval, maximumPredictions: Int, maximumPendingFeedback: Int) {
        self.timeToLive = timeToLive
        self.maximumPredictions = maximumPredictions
        self.maximumPendingFeedback = maximumPendingFeedback
    }
}
