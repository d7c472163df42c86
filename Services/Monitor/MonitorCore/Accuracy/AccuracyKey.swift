import Schema

/// What live accuracy is reported by: region, model version and A/B arm.
public struct AccuracyKey: Sendable, Hashable, Comparable {
    /// The market region.
    public var region: String
    /// The model name.
    public var modelName: String
    /// The model version.
    public var modelVersion: String
    /// The arm.
    public var arm: ExperimentArm

    /// Creates a key.
    public init(region: String, modelName: String, modelVersion: String, arm: ExperimentArm) {
        self.region = region
        self.modelName = modelName
        self.modelVersion = modelVersion
        self.arm = arm
    }

    /// Orders by region, model, version, arm.
    public static func < (lhs: AccuracyKey, rhs: AccuracyKey) -> Bool {
        (lhs.region, lhs.modelName, lhs.modelVersion, lhs.arm.rawValue) < (rhs.region, rhs.modelName, rhs.modelVersion, rhs.arm.rawValue)
    }

    /// The key as monitoring event labels.
    public var labels: [String: String] {
        ["region": region, "model": modelName, "version": modelVersion, "arm": arm.rawValue]
    }
}
