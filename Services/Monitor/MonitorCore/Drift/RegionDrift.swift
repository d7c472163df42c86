import Foundation
import Schema

/// One region's drift watch against its champion: a ``FeatureDrift`` per model input and one
/// for the champion's predicted prices, checked every ``DriftSettings/checkEveryRows`` rows.
public struct RegionDrift: Sendable {
    /// The champion the reference comes from.
    public let champion: ChampionReference
    /// The model inputs, in the encoder's order.
    public private(set) var features: [FeatureDrift]
    /// The champion's predicted prices.
    public private(set) var predictions: FeatureDrift
    private var rowsSinceCheck = 0
    private var predictionsSinceCheck = 0

    /// A region with empty windows.
    public init(champion: ChampionReference, settings: DriftSettings) {
        self.champion = champion
        features = champion.features.map { FeatureDrift(reference: $0, settings: settings) }
        predictions = FeatureDrift(reference: champion.predictions, settings: settings)
    }

    /// Adds one feature row, encoded as the champion encodes its inputs; checks every feature
    /// when it is time.
    public mutating func observe(_ row: FeatureRow, settings: DriftSettings) -> DriftCheck? {
        let inputs = champion.encoder.modelInput(numeric: row.features, categorical: row.categorical)
        let time = row.observedAt ?? row.computedAt
        for index in features.indices where index < inputs.count {
            features[index].observe(bin: features[index].reference.bin(inputs[index]), at: time)
        }
        rowsSinceCheck += 1
        guard rowsSinceCheck >= settings.checkEveryRows, (features.first?.countWindow.count ?? 0) >= settings.minimumRows else {
            return nil
        }
        rowsSinceCheck = 0
        var measurements: [DriftMeasurement] = [], raised: [String] = [], cleared: [String] = []
        for index in features.indices {
            let (measurement, change) = features[index].check(settings: settings)
            measurements.append(measurement)
            if change == true { raised.append(measurement.feature) }
            if change == false { cleared.append(measurement.feature) }
        }
        return DriftCheck(
            region: champion.region, modelName: champion.modelName, version: champion.version, subject: .features,
            measurements: measurements, raised: raised, cleared: cleared)
    }

    /// Adds one prediction of the champion's version; checks the prediction distribution
    /// when it is time. Predictions of other versions are not compared (their cards' references
    /// are not loaded).
    public mutating func observe(_ prediction: Prediction, settings: DriftSettings) -> DriftCheck? {
        guard prediction.modelName == champion.modelName, prediction.modelVersion == champion.version else { return nil }
        predictions.observe(bin: predictions.reference.bin(prediction.value), at: prediction.predictedAt)
        predictionsSinceCheck += 1
        guard predictionsSinceCheck >= settings.checkEveryRows, predictions.countWindow.count >= settings.minimumRows else {
            return nil
        }
        predictionsSinceCheck = 0
        let (measurement, change) = predictions.check(settings: settings)
        return DriftCheck(
            region: champion.region, modelName: champion.modelName, version: champion.version, subject: .predictions,
            measurements: [measurement], raised: change == true ? [measurement.feature] : [],
            cleared: change == false ? [measurement.feature] : [])
    }

    /// The number of values the region's windows hold in storage, for the flat-memory check.
    public var storedValues: Int { features.reduce(predictions.storedValues) { $0 + $1.storedValues } }
}
