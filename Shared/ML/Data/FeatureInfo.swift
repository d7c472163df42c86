/// Name and type of one model input.
public struct FeatureInfo: Codable, Sendable, Equatable {
    /// How a feature's values are interpreted.
    public enum Kind: String, Codable, Sendable {
        /// Ordered real values; NaN is missing.
        case numeric
        /// Unordered levels; the value is the level's code (0-based) as a `Double`, NaN is missing.
        case categorical
    }

    /// The column name.
    public var name: String
    /// Numeric or categorical.
    public var kind: Kind
    /// For a categorical feature, the label of each code (code `i` is `levels[i]`); empty otherwise.
    public var levels: [String]

    public init(name: String, kind: Kind, levels: [String] = []) {
        self.name = name
        self.kind = kind
        self.levels = levels
    }

    /// A numeric feature.
    public static func numeric(_ name: String) -> FeatureInfo {
        FeatureInfo(name: name, kind: .numeric)
    }

    /// A categorical feature with the given level labels.
    public static func categorical(_ name: String, levels: [String]) -> FeatureInfo {
        FeatureInfo(name: name, kind: .categorical, levels: levels)
    }

    /// A value of this feature as text: the number, the level's label, or `nil` when missing or an unknown level.
    public func describe(_ value: Double) -> String? {
        guard !value.isNaN else { return nil }
        guard kind == .categorical else { return "\(value)" }
        guard let code = Int(exactly: value), levels.indices.contains(code) else { return nil }
        return levels[code]
    }
}
