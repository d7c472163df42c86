import Foundation

extension ArtifactStore {
    /// Stores a model card beside the model files and returns its reference.
    ///
    /// - Throws: ``RegistryError/Code/invalidDocument`` or ``RegistryError/Code/storageFailed``.
    @discardableResult
    public func put(_ card: ModelCard) throws(RegistryError) -> ArtifactReference {
        try put(card.encoded())
    }

    /// The model card at `uri` (``ModelEvent/cardURI``), after checking its hash.
    ///
    /// - Throws: any error of ``data(at:expectedSHA256:)`` or ``ModelCard/decode(from:)``.
    public func card(at uri: URL) throws(RegistryError) -> ModelCard {
        try ModelCard.decode(from: data(at: uri))
    }
}
