import ModelRegistry

extension RegistryState {
    /// The models a command covers: the region's model, which must be in the registry, or
    /// every model when no region is given.
    ///
    /// - Throws: ``ModelsCommandError/Code/unknownModel`` naming the model and the known ones.
    func models(selecting model: ModelName?) throws(ModelsCommandError) -> [String] {
        guard let model else { return models }
        guard models.contains(model.name) else {
            let known = models.isEmpty ? "the registry is empty" : "it has \(models.joined(separator: ", "))"
            throw ModelsCommandError(
                .unknownModel, reason: "the registry has no model of region \(model.region); \(known)", input: model.name)
        }
        return [model.name]
    }

    /// The given version of `model`, or its champion when `version` is `nil`.
    ///
    /// - Throws: ``ModelsCommandError/Code/unknownVersion`` when the version is not in the
    ///   registry, or no version is given and the model has no champion that can serve.
    func version(_ version: String?, orChampionOf model: String) throws(ModelsCommandError) -> ModelVersion {
        if let version {
            guard let record = self.version(version, of: model) else {
                throw ModelsCommandError(.unknownVersion, reason: "the version is not in the registry", input: "\(model)@\(version)")
            }
            return record
        }
        guard let champion = champion(of: model) else {
            throw ModelsCommandError(
                .unknownVersion, reason: "the model has no champion that can serve; pass --version (models list shows them)",
                input: "\(model)#\(ModelAlias.champion)")
        }
        return champion
    }
}
