import Foundation
import ML
import ModelRegistry

/// A small but complete model card.
enum SampleCard {
    static func make(version: String = "3") throws -> ModelCard {
        let area = FeatureInfo.numeric("area")
        let type = FeatureInfo.categorical("type", levels: ["house", "apartment"])
        let reference = TrainingReference(
            rows: 4,
            features: [
                FeatureReference(
                    feature: area, mapper: BinMapper(kind: .numeric, thresholds: [100, 200], levelBins: []),
                    values: [50, 150, .nan, 250]),
                FeatureReference(
                    feature: type, mapper: BinMapper(kind: .categorical, thresholds: [], levelBins: [1, 2]),
                    values: [0, 1, 1, .nan]),
            ])
        let overall = PriceMetrics(count: 4, mae: 12_500, mape: 0.05, rmse: 15_000.5, medianAPE: 0.04)
        let comparison = MetricComparison(
            segment: .overall, value: SegmentKind.overallValue, rows: 4, metric: .mape, candidate: 0.05, champion: 0.06,
            limit: 0.0612, guarded: true)
        return ModelCard(
            modelName: "homeprice-de", version: version, region: "DE", currency: "EUR", algorithm: "gbt",
            featureSchemaVersion: 1, createdAt: Fixtures.start, trigger: TrainingTrigger(kind: .schedule, detail: "weekly"),
            dataWindow: DataWindow(firstLabelDate: Fixtures.at(-60 * 24 * 365), lastLabelDate: Fixtures.at(-60)),
            rows: RowCounts(training: 3, validation: 4), features: [area, type],
            featureParameters: .object([
                "imputation": .object(["area": .number(95.5)]), "levels": .array([.string("house"), .null]),
                "clipped": .bool(true),
            ]),
            metrics: SegmentedMetrics(overall: overall, segments: [.propertyType: ["house": overall]]),
            championComparison: ChampionComparison(
                championVersion: "2", tolerance: 0.02, minSegmentRows: 30, comparisons: [comparison], accepted: true,
                reasons: ["within 2.00% of champion 2"]),
            trainingReference: reference,
            predictionReference: FeatureReference(predictions: [200_000, 250_000, 300_000, 410_000], bins: 2),
            trainingSeconds: 1.25,
            engineMetrics: ["train": RegressionMetrics(actual: [1, 2, 3], predicted: [1, 2, 4])])
    }
}
