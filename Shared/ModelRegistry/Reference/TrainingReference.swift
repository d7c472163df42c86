import ML

/// The training distribution of every model input on the engine's own bins, stored in the
/// model card for the drift monitor.
public struct TrainingReference: Codable, Sendable, Equatable {
    /// The number of rows the distributions were taken over.
    public var rows: Int
    /// One reference per model input, in the model's feature order.
    public var features: [FeatureReference]

    /// Creates a reference from its parts.
    public init(rows: Int, features: [FeatureReference]) {
        self.rows = rows
        self.features = features
    }

    /// Bins every feature of `data` on the bins `model` learned (its point model's mappers).
    ///
    /// - Throws: ``RegistryError/Code/featureMismatch`` when `data` does not have the model's
    ///   features, by name and kind, in the model's order.
    public init(model: GBMModel, data: Dataset) throws(RegistryError) {
        guard model.mappers.count == model.features.count else {
            throw RegistryError(
                .featureMismatch,
                reason: "the model has \(model.mappers.count) bin mappers for \(model.features.count) features")
        }
        for (index, feature) in model.features.enumerated() {
            guard index < data.featureCount, data.features[index].name == feature.name,
                data.features[index].kind == feature.kind
            else {
                throw RegistryError(
                    .featureMismatch, reason: "the data set does not have the model's feature \(index) here",
                    input: feature.name)
            }
        }
        guard data.featureCount == model.features.count else {
            throw RegistryError(
                .featureMismatch,
                reason: "the data set has \(data.featureCount) features, the model \(model.features.count)")
        }
        self.init(
            rows: data.rowCount,
            features: model.features.indices.map { index in
                FeatureReference(feature: model.features[index], mapper: model.mappers[index], values: data.column(index))
            })
    }

    /// The reference of the feature named `name`.
    public subscript(feature name: String) -> FeatureReference? {
        features.first { $0.name == name }
    }
}
