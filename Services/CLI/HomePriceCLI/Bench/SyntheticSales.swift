import Foundation
import ML
import Schema

/// Served predictions of the synthetic homes of ``SyntheticFeatureRows`` in an A/B experiment,
/// and the true sale price of each, for the monitor benchmark's accuracy join.
///
/// The predictions are shaped as the server writes them: region US, the champion (version 1)
/// on arm A and a challenger (version 2) on arm B of one 50 % experiment (half the
/// predictions each), prices and intervals rounded to the thousand. The challenger errs less (±8 % against
/// ±12 %), so the monitor has a difference to find. The sale prices are the rows' targets,
/// reported 30 to 90 days after their prediction and published shuffled within each 1,000.
enum SyntheticSales {
    /// The experiment the predictions belong to.
    static let experimentId = "bench-ab"

    /// `count` predictions by `modelName` from `seed`, one a second, and one sale price each.
    static func generate(count: Int, seed: UInt64, modelName: String) -> (predictions: [Prediction], feedback: [Feedback]) {
        var generator = SplitMix64(seed: seed)
        let start = Date(timeIntervalSince1970: 1_750_000_000)
        let rows = SyntheticFeatureRows.generate(count: count, seed: seed, start: start)
        var predictions: [Prediction] = [], feedback: [Feedback] = []
        predictions.reserveCapacity(count)
        feedback.reserveCapacity(count)
        for (index, row) in rows.enumerated() {
            let price = row.target ?? 0
            let challenger = Bool.random(using: &generator)
            let spread = challenger ? 0.08 : 0.12
            let value = price * Double.random(in: 1 - spread..<1 + spread, using: &generator)
            let id = "bench-prediction-\(index)"
            predictions.append(
                Prediction(
                    predictionId: id, requestId: id, region: row.region, modelName: modelName, modelVersion: challenger ? "2" : "1",
                    arm: challenger ? .b : .a, experimentId: experimentId, value: (value / 1_000).rounded() * 1_000,
                    interval: PredictionInterval(
                        lower: (value * 0.85 / 1_000).rounded(.down) * 1_000, upper: (value * 1.15 / 1_000).rounded(.up) * 1_000,
                        confidence: 0.8),
                    currency: "USD", predictedAt: row.computedAt))
            feedback.append(
                Feedback(
                    feedbackId: "sale-\(id)", predictionId: id, kind: .salePrice, value: price, currency: "USD",
                    submittedBy: "bench-client-\(index % 997)", homeId: row.homeId,
                    at: row.computedAt.addingTimeInterval(Double(Int.random(in: 30...90, using: &generator)) * 86_400)))
        }
        for block in stride(from: 0, to: count, by: 1_000) {
            feedback[block..<min(block + 1_000, count)].shuffle(using: &generator)
        }
        return (predictions, feedback)
    }
}
