import Foundation
import MonitorCore
import Schema
import Testing

@Suite("Live accuracy")
struct AccuracyTrackerTests {
    private func settings(_ fixture: MonitorFixture) -> AccuracySettings {
        var settings = fixture.settings.accuracy
        settings.checkEveryJoins = 10
        settings.minimumSamples = 20
        return settings
    }

    /// Predictions and their sale prices: APE i % for prediction i (cycling 1…40 %).
    private func traffic(count: Int) -> (predictions: [Prediction], feedback: [Feedback]) {
        let predictions = (0..<count).map { PredictionJoinTests.prediction("p\($0)", value: 100, at: Double($0)) }
        let feedback = (0..<count).map { index in
            PredictionJoinTests.sale("p\(index)", price: 100 / (1 + Double(index % 40 + 1) / 100), at: Double(index) + 0.5)
        }
        return (predictions, feedback)
    }

    @Test("MAE, MAPE and median APE per region, version and arm over the window")
    func figures() async throws {
        let fixture = try await MonitorFixture()
        var tracker = AccuracyTracker(settings: settings(fixture))
        for (prediction, feedback) in zip([100.0, 200, 300], [80.0, 250, 300]).enumerated().map({ index, pair in
            (PredictionJoinTests.prediction("p\(index)", value: pair.0), PredictionJoinTests.sale("p\(index)", price: pair.1))
        }) {
            _ = tracker.add(prediction)
            _ = tracker.add(feedback)
        }
        let figures = try #require(tracker.figures.values.first)
        #expect(figures.count == 3)
        #expect(abs(figures.mae - (20 + 50 + 0) / 3) < 1e-9)
        #expect(abs(figures.mape - (0.25 + 0.2 + 0) / 3) < 1e-9)
        #expect(abs(figures.medianAPE - 0.2) < 1e-9)
    }

    @Test("out-of-order and duplicated feedback gives the same figures, and a rebuild from the topics equals the original state")
    func rebuildAfterRestart() async throws {
        let fixture = try await MonitorFixture()
        let (predictions, feedback) = traffic(count: 400)
        var original = AccuracyTracker(settings: settings(fixture))
        for (prediction, sale) in zip(predictions, feedback) {
            _ = original.add(prediction)
            _ = original.add(sale)
        }
        // After a restart the monitor reads each topic from its beginning, so the two streams
        // interleave differently: all feedback (shuffled, some of it twice) before the predictions.
        var generator = SystemRandomNumberGenerator()
        var rebuilt = AccuracyTracker(settings: settings(fixture))
        for sale in (feedback + feedback.prefix(50)).shuffled(using: &generator) { _ = rebuilt.add(sale) }
        for prediction in predictions { _ = rebuilt.add(prediction) }
        #expect(rebuilt.figures.mapValues(\.count) == original.figures.mapValues(\.count))
        for (key, figures) in original.figures {
            let other = try #require(rebuilt.figures[key])
            #expect(abs(other.mape - figures.mape) < 1e-12 && abs(other.mae - figures.mae) < 1e-9 && other.medianAPE == figures.medianAPE)
        }
        #expect(rebuilt.join.counters.duplicateFeedback == 50)
    }

    @Test("the champion's accuracy alert is raised when its live MAPE stays above the bound, once")
    func accuracyAlert() async throws {
        let fixture = try await MonitorFixture()
        var tracker = AccuracyTracker(settings: settings(fixture))
        tracker.setChampion(region: "US", version: "1", validationMAPE: 0.1)
        var changes: [Bool] = []
        for index in 0..<200 {
            _ = tracker.add(PredictionJoinTests.prediction("p\(index)", value: 100, at: Double(index)))
            if let check = tracker.add(PredictionJoinTests.sale("p\(index)", price: 125, at: Double(index))), let change = check.alertChange
            {
                changes.append(change)
            }
        }
        #expect(changes == [true], "20 % error against a bound of 1.5 × 10 %")
        let history = try #require(tracker.history.values.first)
        #expect(history.count == 20 && history.allSatisfy { abs($0 - 0.2) < 1e-9 }, "one MAPE per check of 10 joins")
    }
}
