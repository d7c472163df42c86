import Foundation
import MonitorCore
import Schema
import Testing

@Suite("Prediction–feedback join")
struct PredictionJoinTests {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)
    static let settings = JoinSettings(timeToLive: 3_600, maximumPredictions: 100, maximumPendingFeedback: 10)

    static func prediction(_ id: String, value: Double = 100, at offset: TimeInterval = 0, arm: ExperimentArm = .a) -> Prediction {
        Prediction(
            predictionId: id, requestId: "r-\(id)", region: "US", modelName: "homeprice-us", modelVersion: "1", arm: arm, value: value,
            interval: PredictionInterval(lower: value * 0.9, upper: value * 1.1, confidence: 0.9), currency: "USD",
            predictedAt: start.addingTimeInterval(offset))
    }

    static func sale(_ id: String, price: Double = 125, at offset: TimeInterval = 1, feedbackId: String? = nil) -> Feedback {
        Feedback(
            feedbackId: feedbackId ?? "f-\(id)", predictionId: id, kind: .salePrice, value: price, currency: "USD",
            at: start.addingTimeInterval(offset))
    }

    @Test("a sale price joins its prediction whichever arrives first")
    func eitherOrder() throws {
        var join = PredictionJoin(settings: Self.settings)
        #expect(join.add(Self.prediction("p1")) == nil)
        let firstJoin = join.add(Self.sale("p1"))
        let first = try #require(firstJoin)
        #expect(first.absoluteError == 25 && first.absolutePercentageError == 0.2)
        #expect(join.add(Self.sale("p2")) == nil)
        let secondJoin = join.add(Self.prediction("p2"))
        let second = try #require(secondJoin)
        #expect(second.predictionId == "p2" && second.actual == 125)
        #expect(join.counters.joined == 2)
    }

    @Test("repeated feedback and redelivered predictions are scored once")
    func duplicates() {
        var join = PredictionJoin(settings: Self.settings)
        _ = join.add(Self.prediction("p1"))
        #expect(join.add(Self.sale("p1")) != nil)
        #expect(join.add(Self.sale("p1")) == nil)
        #expect(join.add(Self.sale("p1", price: 130, feedbackId: "other")) == nil)
        #expect(join.add(Self.prediction("p1")) == nil)
        _ = join.add(Self.sale("p2"))
        #expect(join.add(Self.sale("p2")) == nil, "a repeat of feedback still waiting for its prediction")
        #expect(join.add(Self.prediction("p2")) != nil)
        #expect(join.counters.joined == 2 && join.counters.duplicateFeedback == 3)
    }

    @Test("feedback for a prediction never seen is dropped after the time to live and counted")
    func unknownPrediction() {
        var join = PredictionJoin(settings: Self.settings)
        _ = join.add(Self.sale("ghost", at: 0))
        _ = join.add(Self.prediction("p1", at: 3_601))
        #expect(join.counters.droppedFeedback == 1 && join.waitingFeedback == 0)
        #expect(join.add(Self.prediction("ghost", at: 3_602)) == nil)
    }

    @Test("ratings and corrections are not sale prices")
    func otherKinds() {
        var join = PredictionJoin(settings: Self.settings)
        _ = join.add(Self.prediction("p1"))
        let rating = Feedback(feedbackId: "f", predictionId: "p1", kind: .rating, value: 4, at: Self.start)
        #expect(join.add(rating) == nil && join.counters.otherFeedback == 1)
    }

    @Test("the size caps bound the state however many predictions and orphan sales arrive, and drops are counted")
    func boundedState() {
        var join = PredictionJoin(settings: Self.settings)
        for index in 0..<10_000 {
            _ = join.add(Self.prediction("p\(index)", at: Double(index) / 100))
            _ = join.add(Self.sale("orphan\(index)", at: Double(index) / 100))
        }
        #expect(join.waitingPredictions == 100 && join.waitingFeedback == 10)
        #expect(join.storedEntries <= 3 * (100 + 10))
        #expect(join.counters.evictedPredictions == 9_900 && join.counters.droppedFeedback == 9_990)
    }
}
