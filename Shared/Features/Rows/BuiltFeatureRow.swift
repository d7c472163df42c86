import Schema

/// A feature row built from a canonical home, with the issues met on the way.
public struct BuiltFeatureRow: Sendable, Equatable {
    /// The row to publish on ``Schema/Topic/homesFeatures``.
    public var row: FeatureRow
    /// The values set aside, the label's issue included.
    public var issues: [FeatureIssue]

    /// Creates a built row.
    ///
    /// - Parameters:
    ///   - row: The row.
    ///   - issues: The values set aside.
    public init(row: FeatureRow, issues: [FeatureIssue]) {
        self.row = row
        self.issues = issues
    }
}
