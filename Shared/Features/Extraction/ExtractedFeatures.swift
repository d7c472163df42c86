/// What the stateless steps make of one home: the values of a ``Schema/FeatureRow`` before
/// any fitted parameter, and the issues met on the way.
public struct ExtractedFeatures: Sendable, Equatable {
    /// Numeric features by ``FeatureName``; every value is finite, a missing one is absent.
    public var numeric: [String: Double]
    /// Categorical features by ``FeatureName``, as text; a missing one is absent.
    public var categorical: [String: String]
    /// The values set aside, in the order the steps met them.
    public var issues: [FeatureIssue]

    /// Creates extracted features.
    ///
    /// - Parameters:
    ///   - numeric: Numeric features by name.
    ///   - categorical: Categorical features by name.
    ///   - issues: The values set aside.
    public init(numeric: [String: Double], categorical: [String: String], issues: [FeatureIssue]) {
        self.numeric = numeric
        self.categorical = categorical
        self.issues = issues
    }
}
