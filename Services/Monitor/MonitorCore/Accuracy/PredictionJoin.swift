import Foundation
import Schema

/// Joins `feedback` sale prices to `predictions` by prediction id, in whichever order they
/// arrive, with state bounded by a time to live (event time) and a size cap.
///
/// A prediction waits for its sale price; a sale price whose prediction has not arrived yet
/// waits for it (the two topics are read independently). A prediction is scored once: repeated
/// feedback is counted and ignored. Everything dropped is counted in ``counters``. Time is the
/// newest event time seen, never the wall clock, so replaying the topics after a restart
/// rebuilds the same state.
public struct PredictionJoin: Sendable {
    private struct Waiting: Sendable {
        var prediction: Prediction
        var scored: Bool
    }

    /// The bounds.
    public let settings: JoinSettings
    /// What happened to the inputs so far.
    public private(set) var counters = JoinCounters()
    private var predictions: ExpiringTable<Waiting>
    private var pendingFeedback: ExpiringTable<Feedback>
    private var newest = -Double.infinity

    /// An empty join.
    public init(settings: JoinSettings) {
        self.settings = settings
        predictions = ExpiringTable(maximumCount: settings.maximumPredictions)
        pendingFeedback = ExpiringTable(maximumCount: settings.maximumPendingFeedback)
    }

    /// Adds a served prediction; returns the join when its sale price was already waiting.
    public mutating func add(_ prediction: Prediction) -> JoinedPrediction? {
        advance(to: prediction.predictedAt)
        // A redelivered prediction changes nothing.
        if predictions[prediction.predictionId] != nil { return nil }
        if let feedback = pendingFeedback.remove(prediction.predictionId) {
            predictions.insert(
                prediction.predictionId, Waiting(prediction: prediction, scored: true), time: prediction.predictedAt.timeIntervalSince1970)
            counters.joined += 1
            evict()
            return Self.join(prediction, feedback)
        }
        predictions.insert(
            prediction.predictionId, Waiting(prediction: prediction, scored: false), time: prediction.predictedAt.timeIntervalSince1970)
        evict()
        return nil
    }

    /// Adds a piece of feedback; returns the join when it is the first sale price of a known
    /// prediction.
    public mutating func add(_ feedback: Feedback) -> JoinedPrediction? {
        guard feedback.kind == .salePrice, feedback.value.isFinite else {
            counters.otherFeedback += 1
            return nil
        }
        advance(to: feedback.at)
        if let waiting = predictions[feedback.predictionId] {
            guard !waiting.scored else {
                counters.duplicateFeedback += 1
                return nil
            }
            predictions.update(feedback.predictionId) { $0.scored = true }
            counters.joined += 1
            return Self.join(waiting.prediction, feedback)
        }
        if pendingFeedback[feedback.predictionId] != nil {
            counters.duplicateFeedback += 1
            return nil
        }
        pendingFeedback.insert(feedback.predictionId, feedback, time: feedback.at.timeIntervalSince1970)
        evict()
        return nil
    }

    /// The number of entries the join's storage holds, for the bounded-state check.
    public var storedEntries: Int { predictions.storedSlots + pendingFeedback.storedSlots }

    /// The predictions waiting (scored ones are kept until they expire, to recognise repeats).
    public var waitingPredictions: Int { predictions.count }

    /// The sale prices waiting for their prediction.
    public var waitingFeedback: Int { pendingFeedback.count }

    private mutating func advance(to time: Date) {
        newest = max(newest, time.timeIntervalSince1970)
    }

    private mutating func evict() {
        let oldest = newest - settings.timeToLive
        for (waiting, expired) in predictions.evict(olderThan: oldest) where !waiting.scored {
            if expired { counters.expiredPredictions += 1 } else { counters.evictedPredictions += 1 }
        }
        counters.droppedFeedback += pendingFeedback.evict(olderThan: oldest).count
    }

    private static func join(_ prediction: Prediction, _ feedback: Feedback) -> JoinedPrediction {
        JoinedPrediction(
            predictionId: prediction.predictionId, region: prediction.region, modelName: prediction.modelName,
            modelVersion: prediction.modelVersion, arm: prediction.arm, predicted: prediction.value, actual: feedback.value,
            at: feedback.at)
    }
}
