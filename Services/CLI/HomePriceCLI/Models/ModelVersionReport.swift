import Foundation
import ModelRegistry

/// What `models show` prints of one version: the registry's facts and, when the card can be
/// read from the artifact store, its summary; otherwise one line saying why not.
struct ModelVersionReport: Encodable, Sendable {
    /// The model name.
    var model: String
    /// The version.
    var version: String
    /// The lifecycle state.
    var state: VersionLifecycle
    /// The aliases pointing at the version, in name order.
    var aliases: [String]
    /// The learning algorithm, as the registry knows it.
    var algorithm: String?
    /// The feature schema version trained on.
    var featureSchemaVersion: Int?
    /// The validation metrics by name, as the registry knows them.
    var metrics: [String: Double]
    /// Who caused the latest lifecycle event.
    var actor: String
    /// Why, for a rejection or an archival.
    var reason: String?
    /// When the latest lifecycle event happened.
    var updatedAt: Date
    /// The model file.
    var artifact: ArtifactReference?
    /// The model card's address.
    var cardURI: URL?
    /// The card's summary, when it could be read.
    var card: ModelCardSummary?
    /// Why the card could not be read.
    var cardError: String?

    /// The report of `version` in `state`, with its card read from the store in `artifacts`.
    ///
    /// The store's folder is never created here: a missing folder is reported like any other
    /// unreadable card.
    init(_ version: ModelVersion, in state: RegistryState, artifacts: URL) {
        model = version.modelName
        self.version = version.version
        self.state = version.lifecycle
        aliases = state.aliases(of: version.modelName).filter { $0.version == version.version }.map(\.alias)
        algorithm = version.algorithm
        featureSchemaVersion = version.featureSchemaVersion
        metrics = version.metrics
        actor = version.actor
        reason = version.reason
        updatedAt = version.updatedAt
        artifact = version.artifact
        cardURI = version.cardURI
        do {
            card = ModelCardSummary(try Self.card(at: version.cardURI, artifacts: artifacts))
        } catch {
            cardError = error.description
        }
    }

    /// The card at `uri` in the store in `artifacts`, after checking its hash.
    private static func card(at uri: URL?, artifacts: URL) throws(RegistryError) -> ModelCard {
        guard let uri else {
            throw RegistryError(.artifactNotFound, reason: "the registry names no card for this version")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: artifacts.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw RegistryError(
                .artifactNotFound, reason: "no artifact store here (--artifacts or HOMEPRICE_ARTIFACTS names it)",
                input: artifacts.path)
        }
        return try ArtifactStore(directory: artifacts).card(at: uri)
    }
}
