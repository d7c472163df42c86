/// The version of the feature set the shared feature steps compute.
///
/// A model records it at training time (``Schema/FeatureRow/featureSchemaVersion``); the
/// server refuses rows of another version. Raise it whenever a step's output changes meaning.
public enum FeatureSchema {
    /// The current feature-set version.
    public static let version = 1
}
