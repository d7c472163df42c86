/// The well-known aliases of a region's model; any other name is a valid alias too.
public enum ModelAlias {
    /// The version that serves by default.
    public static let champion = "champion"
    /// The validated candidate waiting for promotion or an experiment.
    public static let challenger = "challenger"
}
