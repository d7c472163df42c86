import Features
import Foundation
import ModelRegistry

/// What the monitor needs of a region's champion: its identity, the feature encoding it was
/// trained with (so live rows are binned exactly as its training rows were), the training
/// reference of every input, the distribution of its validation predictions and its
/// validation error.
public struct ChampionReference: Sendable {
    /// The model name, for example `homeprice-us`.
    public var modelName: String
    /// The champion's version.
    public var version: String
    /// The market region.
    public var region: String
    /// The encoder of the model's inputs, from the card's fitted parameters.
    public var encoder: FeatureEncoder
    /// The training reference of each model input, in the encoder's input order.
    public var features: [FeatureReference]
    /// The distribution of the validation predictions.
    public var predictions: FeatureReference
    /// The validation mean absolute percentage error (a fraction), when the card has one.
    public var validationMAPE: Double?

    /// The reference a model card describes.
    ///
    /// - Throws: ``MonitorError/Code/unusableCard`` when the card's fitted parameters do not
    ///   decode or its training reference lacks one of the model's inputs.
    public init(card: ModelCard) throws(MonitorError) {
        let parameters: FittedFeatureParameters
        do {
            parameters = try card.featureParameters.decode(as: FittedFeatureParameters.self)
        } catch {
            throw MonitorError(.unusableCard, reason: error.reason, input: "\(card.modelName)@\(card.version)")
        }
        var features: [FeatureReference] = []
        for name in parameters.featureNames {
            guard let reference = card.trainingReference[feature: name] else {
                throw MonitorError(
                    .unusableCard, reason: "the training reference has no feature \(name)", input: "\(card.modelName)@\(card.version)")
            }
            features.append(reference)
        }
        self.init(
            modelName: card.modelName, version: card.version, region: card.region, encoder: FeatureEncoder(parameters: parameters),
            features: features, predictions: card.predictionReference, validationMAPE: card.metrics.overall.mape)
    }

    /// A reference from its parts.
    public init(
        modelName: String, version: String, region: String, encoder: FeatureEncoder, features: [FeatureReference],
        predictions: FeatureReference, validationMAPE: Double?
    ) {
        self.modelName = modelName
        self.version = version
        self.region = region
        self.encoder = encoder
        self.features = features
        self.predictions = predictions
        self.validationMAPE = validationMAPE
    }
}
