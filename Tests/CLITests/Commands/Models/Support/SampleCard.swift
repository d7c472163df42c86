import Foundation
import ML
import ModelRegistry

/// A small but complete model card for a registered version.
enum SampleCard {
    /// The card of `version` of `model`, with overall and per-property-type metrics around
    /// `mape`, compared with `champion` when there is one.
    static func make(model: String, version: String, region: String, mape: Double, champion: String?, at: Date) -> ModelCard {
        let overall = metrics(rows: 200, mape: mape)
        let comparison = MetricComparison(
            segment: .overall, value: SegmentKind.overallValue, rows: overall.count, metric: .mape, candidate: mape,
            champion: champion.map { _ in mape + 0.01 }, limit: champion.map { _ in mape + 0.012 }, guarded: true)
        return ModelCard(
            modelName: model, version: version, region: region, currency: "USD", algorithm: "gbt", featureSchemaVersion: 1,
            createdAt: at, trigger: TrainingTrigger(kind: .schedule, detail: "weekly"),
            dataWindow: DataWindow(firstLabelDate: at.addingTimeInterval(-365 * 86_400), lastLabelDate: at.addingTimeInterval(-86_400)),
            rows: RowCounts(training: 800, validation: overall.count),
            features: [.numeric("livingArea"), .numeric("bedrooms"), .categorical("propertyType", levels: ["house", "condo"])],
            featureParameters: .object(["imputation": .object(["livingArea": .number(140)])]),
            metrics: SegmentedMetrics(
                overall: overall,
                segments: [.propertyType: ["house": metrics(rows: 150, mape: mape - 0.01), "condo": metrics(rows: 50, mape: mape + 0.03)]]),
            championComparison: ChampionComparison(
                championVersion: champion, tolerance: 0.02, minSegmentRows: 30, comparisons: [comparison], accepted: true,
                reasons: [champion.map { "within 2.00% of champion \($0) on every guarded metric" } ?? "within the absolute bounds"]),
            trainingReference: TrainingReference(rows: 800, features: []),
            predictionReference: FeatureReference(predictions: [210_000, 260_000, 330_000, 480_000], bins: 2),
            trainingSeconds: 4.5, engineMetrics: [:])
    }

    /// Price metrics of `rows` rows with the given mean absolute percentage error.
    static func metrics(rows: Int, mape: Double) -> PriceMetrics {
        PriceMetrics(count: rows, mae: 21_000, mape: mape, rmse: 32_000, medianAPE: mape * 0.8)
    }
}
