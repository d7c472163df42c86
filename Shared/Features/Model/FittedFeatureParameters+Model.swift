import Foundation
import ML

extension FittedFeatureParameters {
    /// The name of the model-file attachment that carries the parameters.
    public static let attachmentName = "features"

    /// Stores the parameters in `model` as the ``attachmentName`` attachment (JSON, keys
    /// sorted), written into the model file by ``ML/ModelFile``.
    ///
    /// - Parameter model: The model trained on inputs encoded with these parameters.
    /// - Throws: ``FeatureError/Code/parametersMismatch`` when the model's inputs are not
    ///   ``featureInfos``; ``FeatureError/Code/unreadableParameters`` when they cannot be encoded.
    public func attach(to model: inout PriceModel) throws(FeatureError) {
        try checkInputs(of: model)
        let data: Data
        do {
            data = try Self.encoder().encode(self)
        } catch {
            throw FeatureError(.unreadableParameters, reason: "cannot encode the parameters: \(error)", field: Self.attachmentName)
        }
        model.attachments[Self.attachmentName] = String(decoding: data, as: UTF8.self)
    }

    /// Reads the parameters stored in `model` by ``attach(to:)``.
    ///
    /// - Parameter model: A model read from its file.
    /// - Throws: ``FeatureError/Code/missingParameters`` when the model has no
    ///   ``attachmentName`` attachment; ``FeatureError/Code/unreadableParameters`` when it does
    ///   not decode; ``FeatureError/Code/parametersMismatch`` when it was fitted by another
    ///   ``FeatureSchema/version`` or describes other inputs than the model has.
    public init(from model: PriceModel) throws(FeatureError) {
        guard let text = model.attachments[Self.attachmentName] else {
            throw FeatureError(.missingParameters, reason: "the model carries no fitted feature parameters", field: Self.attachmentName)
        }
        do {
            self = try JSONDecoder().decode(Self.self, from: Data(text.utf8))
        } catch {
            throw FeatureError(.unreadableParameters, reason: "cannot decode the parameters: \(error)", field: Self.attachmentName)
        }
        guard featureSchemaVersion == FeatureSchema.version else {
            throw FeatureError(
                .parametersMismatch,
                reason: "fitted for feature schema version \(featureSchemaVersion), this build computes \(FeatureSchema.version)",
                field: Self.attachmentName)
        }
        try checkInputs(of: model)
    }

    private func checkInputs(of model: PriceModel) throws(FeatureError) {
        guard model.features == featureInfos else {
            throw FeatureError(
                .parametersMismatch, reason: "the model's inputs differ from the parameters' features",
                field: Self.attachmentName, input: model.features.map(\.name).joined(separator: ","))
        }
    }

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
