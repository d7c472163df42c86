/// The merge policy that chose a value when sources disagreed on a field.
public enum ConflictResolution: String, Codable, Sendable, CaseIterable {
    /// The most recently fetched value won.
    case mostRecent

    /// The value of the most trusted source won.
    case sourcePriority

    /// The value most sources agreed on won.
    case majority

    /// Numeric values were averaged.
    case average

    /// A human decided in review.
    case manual
}
