import Features
import Foundation
import ML
import ModelRegistry

/// One model version ready to serve: the engine's model, its feature path with the fitted
/// parameters it was trained with, and where it came from.
public struct LoadedModel: Sendable {
    /// The model name (`homeprice-us`).
    public let name: String
    /// The version (`"3"`).
    public let version: String
    /// The SHA-256 of the model file it was read from.
    public let sha256: String
    /// The engine's model.
    public var model: PriceModel { predictor.model }
    /// The model with its forests flattened once, for one row per request.
    public let predictor: PricePredictor
    /// The serving feature path with the model's own settings and parameters.
    public let features: ServingFeatures

    /// The registry key of the version, `name@version`.
    public var key: String { "\(name)@\(version)" }

    /// The probability an interval of this model covers the true price, when it has intervals.
    public var coverage: Double? {
        switch model.interval {
        case .none: nil
        case .quantile(let coverage), .conformal(let coverage, _): coverage
        }
    }

    /// Creates a loaded model.
    public init(name: String, version: String, sha256: String, model: PriceModel, parameters: FittedFeatureParameters) {
        self.name = name
        self.version = version
        self.sha256 = sha256
        predictor = PricePredictor(model)
        features = ServingFeatures(parameters: parameters)
    }
}
