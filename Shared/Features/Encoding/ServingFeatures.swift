import Foundation
import Schema

/// The server's per-request feature path: ``FeatureExtractor`` then ``FeatureEncoder``, the
/// same code the preprocessor and the trainer run on the stream.
///
/// It extracts with the settings stored in the parameters, the ones the model was trained
/// with, so a change of configuration after training cannot skew a served model's inputs.
public struct ServingFeatures: Sendable {
    /// The extractor, with the model's settings.
    public let extractor: FeatureExtractor
    /// The encoder, with the model's parameters.
    public let encoder: FeatureEncoder

    /// Creates the path for one model.
    ///
    /// - Parameter parameters: The model's fitted parameters (see ``FittedFeatureParameters/init(from:)``).
    public init(parameters: FittedFeatureParameters) {
        extractor = FeatureExtractor(settings: parameters.settings)
        encoder = FeatureEncoder(parameters: parameters)
    }

    /// The model input of `request` observed at `date`, with its issues and clipped features.
    ///
    /// - Parameters:
    ///   - request: The home as the client sent it.
    ///   - date: The observation date, normally the time of the request.
    public func prepare(_ request: HomeFeatures, at date: Date) -> ServingInput {
        let extracted = extractor.extract(request, observedAt: date)
        return ServingInput(
            values: encoder.modelInput(numeric: extracted.numeric, categorical: extracted.categorical),
            extracted: extracted,
            clippedFeatures: encoder.clippedFeatures(numeric: extracted.numeric)
        )
    }

    /// The model input of `request` observed at `date`.
    ///
    /// - Parameters:
    ///   - request: The home as the client sent it.
    ///   - date: The observation date, normally the time of the request.
    public func modelInput(for request: HomeFeatures, at date: Date) -> [Double] {
        prepare(request, at: date).values
    }
}
