import Schema

/// How the merge policy picks a field's value among disagreeing sources.
public enum MergeRule: String, Sendable, Equatable, CaseIterable {
    /// The most trusted source wins; equal trust falls back to the most recent record (see
    /// ``mostRecent``).
    case sourcePriority
    /// The most recent record wins, by the record's own dates: its `priceDate` (a listing's or a
    /// sale's date) when the mapping gives one, then the day (UTC) it was fetched, never the
    /// exact fetch instant; equal dates fall back to trust.
    case mostRecent

    /// How a conflict settled by this rule is recorded.
    var resolution: ConflictResolution {
        switch self {
        case .sourcePriority: .sourcePriority
        case .mostRecent: .mostRecent
        }
    }
}
