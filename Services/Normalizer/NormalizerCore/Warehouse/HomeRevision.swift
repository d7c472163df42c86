import Foundation
import Schema

/// One version of a home in the warehouse's history.
public struct HomeRevision: Sendable, Equatable {
    /// 1 for the first version, then counting up.
    public var version: Int
    /// The home as stored in this version.
    public var home: Home
    /// The top-level fields that differ from the version before (all of them for version 1);
    /// `retiredInto:<id>` when the home was merged into another.
    public var changedFields: [String]
    /// When the version was stored.
    public var recordedAt: Date

    /// Creates a revision.
    public init(version: Int, home: Home, changedFields: [String], recordedAt: Date) {
        self.version = version
        self.home = home
        self.changedFields = changedFields
        self.recordedAt = recordedAt
    }
}
