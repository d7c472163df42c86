import Features
import ML
import ModelRegistry
import Schema

extension ChampionReference {
    /// A reference fitted on `rows` as the trainer builds a card's: the feature parameters
    /// fitted on the rows, the rows encoded with them, each input binned on the engine's
    /// quantile bins (`maxBins`, `minDataInBin`), and the targets on `predictionBins` bins as
    /// the prediction reference. For benchmarks and tests that need a champion without training one.
    ///
    /// - Throws: ``MonitorError/Code/unusableCard`` when no row is left to fit on.
    public init(
        fittedOn rows: [FeatureRow], settings: FeatureSettings, modelName: String, version: String, region: String, maxBins: Int,
        minDataInBin: Int, predictionBins: Int
    ) throws(MonitorError) {
        let parameters: FittedFeatureParameters
        let data: Dataset
        do {
            parameters = try FittedFeatureParameters.fit(rows: rows, settings: settings)
            data = try FeatureEncoder(parameters: parameters).dataset(rows: rows, includeTarget: false)
        } catch {
            throw MonitorError(.unusableCard, reason: error.reason, input: "\(modelName)@\(version)")
        }
        let encoder = FeatureEncoder(parameters: parameters)
        let features = encoder.features.enumerated().map { index, feature in
            let mapper = BinMapper(
                values: data.column(index), kind: feature.kind, levelCount: feature.levels.count, maxBins: maxBins,
                minDataInBin: minDataInBin)
            return FeatureReference(feature: feature, mapper: mapper, values: data.column(index))
        }
        self.init(
            modelName: modelName, version: version, region: region, encoder: encoder, features: features,
            predictions: FeatureReference(predictions: rows.compactMap(\.target), bins: predictionBins), validationMAPE: nil)
    }
}
