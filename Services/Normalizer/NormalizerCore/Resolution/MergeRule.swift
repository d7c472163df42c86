import Schema

/// How the merge policy picks a field's value among disagreeing sources.
public enum MergeRule: String, Sendable, Equatable, CaseIterable {
    /// The most trusted source wins; equal trust falls back to the most recent fetch.
    case sourcePriority
    /// The most recently fetched value wins; equal times fall back to trust.
    case mostRecent

    /// How a conflict settled by this rule is recorded.
    var resolution: ConflictResolution {
        switch self {
        case .sourcePriority: .sourcePriority
        case .mostRecent: .mostRecent
        }
    }
}
