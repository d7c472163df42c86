import Foundation

/// The label dates of the rows a model version learned from and was validated on.
public struct DataWindow: Codable, Sendable, Equatable {
    /// The earliest label (sale) date.
    public var firstLabelDate: Date
    /// The latest label (sale) date.
    public var lastLabelDate: Date

    /// Creates a data window.
    public init(firstLabelDate: Date, lastLabelDate: Date) {
        self.firstLabelDate = firstLabelDate
        self.lastLabelDate = lastLabelDate
    }
}
