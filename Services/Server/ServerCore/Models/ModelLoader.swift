import Features
import Foundation
import ML
import ModelRegistry

/// Reads a registered version from the artifact store: the bytes are checked against the
/// hash the registry names, the file must be a model whose fitted feature parameters match
/// this build's feature schema. Anything else is refused with the reason.
///
/// File IO and parsing are blocking: call it on a ``Pipeline/BlockingExecutor``.
public struct ModelLoader: Sendable {
    /// The store shared with the trainer.
    public let artifacts: ArtifactStore

    /// Creates a loader over `artifacts`.
    public init(artifacts: ArtifactStore) {
        self.artifacts = artifacts
    }

    /// Loads `version`.
    ///
    /// - Throws: ``ServerError/Code/modelRefused`` naming the version key and why: no
    ///   artifact, a checksum mismatch, an unreadable file, or another feature schema.
    public func load(_ version: ModelVersion) throws(ServerError) -> LoadedModel {
        let key = "\(version.modelName)@\(version.version)"
        guard let artifact = version.artifact else {
            throw ServerError(.modelRefused, reason: "the registry names no artifact", input: key)
        }
        if let schema = version.featureSchemaVersion, schema != FeatureSchema.version {
            throw ServerError(
                .modelRefused, reason: "trained on feature schema \(schema), this server computes \(FeatureSchema.version)",
                input: key)
        }
        do {
            _ = try artifacts.data(for: artifact)
            let model = try ModelFile.readModel(from: try artifacts.fileURL(for: artifact.uri).path)
            let parameters = try FittedFeatureParameters(from: model)
            return LoadedModel(
                name: version.modelName, version: version.version, sha256: artifact.sha256, model: model, parameters: parameters)
        } catch {
            throw ServerError(.modelRefused, reason: "\(error)", input: key)
        }
    }
}
