import Features
import Foundation
import ML
import ModelRegistry
import MonitorCore
import Schema
import ServiceSupport
import Synchronization
import TestSupport

/// The monitor's real configuration (`configs/monitor.yaml`, `configs/pipeline.yaml`) and
/// champions whose training reference is built from real sales (Ames for US, Windsor for CA)
/// exactly as the trainer builds a card's: fitted feature parameters, the encoded data set,
/// the engine's bin mappers (trainer settings: 255 bins, 3 rows per bin at least).
struct MonitorFixture {
    var configuration: MonitorConfiguration
    let features: FeatureSettings

    init() async throws {
        let reader = try await ConfigurationLoader.reader(layout: TestProject.layout, files: ["monitor.yaml", "pipeline.yaml"])
        configuration = try MonitorConfiguration(reader: reader, layout: TestProject.layout)
        features = try FeatureSettings(reader: reader)
    }

    var settings: MonitorSettings { configuration.settings }

    /// The feature rows of `homes` as the preprocessor computes them.
    func rows(_ homes: [Home]) -> [FeatureRow] {
        let builder = FeatureRowBuilder(settings: features)
        return homes.map { builder.build(from: $0, computedAt: $0.normalizedAt).row }
    }

    /// Real rows and fitted cards, computed once per test process: the suites run in parallel
    /// and each fit costs seconds of CPU.
    private static let cache = Mutex((rows: [String: [FeatureRow]](), cards: [String: ModelCard]()))

    /// The US rows (Ames).
    func usRows() throws -> [FeatureRow] { try cachedRows("US") { rows(try RealHomes.ames()) } }

    /// The CA rows (Windsor).
    func caRows() throws -> [FeatureRow] { try cachedRows("CA") { rows(try RealHomes.windsor()) } }

    private func cachedRows(_ region: String, _ make: () throws -> [FeatureRow]) throws -> [FeatureRow] {
        if let rows = Self.cache.withLock({ $0.rows[region] }) { return rows }
        let rows = try make()
        Self.cache.withLock { $0.rows[region] = rows }
        return rows
    }

    /// The model card a champion trained on `rows` would carry, with `validationMAPE`.
    func card(region: String, rows: [FeatureRow], version: String = "1", validationMAPE: Double = 0.12) throws -> ModelCard {
        let key = "\(region)@\(version)/\(rows.count)/\(rows.first?.homeId ?? "")/\(validationMAPE)"
        if let card = Self.cache.withLock({ $0.cards[key] }) { return card }
        let card = try fittedCard(region: region, rows: rows, version: version, validationMAPE: validationMAPE)
        Self.cache.withLock { $0.cards[key] = card }
        return card
    }

    private func fittedCard(region: String, rows: [FeatureRow], version: String, validationMAPE: Double) throws -> ModelCard {
        let fitted = try ChampionReference(
            fittedOn: rows, settings: features, modelName: configuration.modelName(of: region), version: version, region: region,
            maxBins: 255, minDataInBin: 3, predictionBins: 20)
        let parameters = fitted.encoder.parameters
        let dates = rows.compactMap(\.labelDate)
        return ModelCard(
            modelName: configuration.modelName(of: region), version: version, region: region, currency: rows.first?.currency ?? "USD",
            algorithm: "gbt", featureSchemaVersion: FeatureSchema.version, createdAt: Date(timeIntervalSince1970: 0),
            trigger: TrainingTrigger(kind: .command, detail: "test"),
            dataWindow: DataWindow(firstLabelDate: dates.min() ?? Date(), lastLabelDate: dates.max() ?? Date()),
            rows: RowCounts(training: rows.count, validation: 0), features: fitted.encoder.features,
            featureParameters: try JSONValue(encoding: parameters),
            metrics: SegmentedMetrics(
                overall: PriceMetrics(count: rows.count, mae: 0, mape: validationMAPE, rmse: 0, medianAPE: validationMAPE), segments: [:]),
            championComparison: ChampionComparison(
                championVersion: nil, tolerance: 0.02, minSegmentRows: 30, comparisons: [], accepted: true, reasons: ["test"]),
            trainingReference: TrainingReference(rows: rows.count, features: fitted.features),
            predictionReference: fitted.predictions, trainingSeconds: 0, engineMetrics: [:])
    }

    /// The champion reference of a card built from `rows`.
    func champion(region: String, rows: [FeatureRow], version: String = "1") throws -> ChampionReference {
        try ChampionReference(card: card(region: region, rows: rows, version: version))
    }

    /// `count` rows drawn with replacement from `rows`, one a minute from `start`, each
    /// passed through `change`.
    static func stream(
        from rows: [FeatureRow], count: Int, seed: UInt64, start: Date = Date(timeIntervalSince1970: 1_700_000_000),
        change: (inout FeatureRow) -> Void = { _ in }
    ) -> [FeatureRow] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { index in
            var row = rows[Int.random(in: 0..<rows.count, using: &generator)]
            row.homeId = "stream-\(index)"
            row.observedAt = nil
            row.computedAt = start.addingTimeInterval(Double(index) * 60)
            change(&row)
            return row
        }
    }
}
