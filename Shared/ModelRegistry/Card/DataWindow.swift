import Foundation

/// The label dates of the rows a model version learned from and was validated on.
public struct DataWindow: Codable, Sendable, Equatable {
    /// The earliest label (sale) date.
    public var firstLabelDate: Date
    /// The latest label (sale) date.
    public var lastLabelDate: Date
    /// The latest label date of the rows the model learned from (its validation rows came
    /// after): a home sold later is unseen by this model, so a later candidate can be compared
    /// with it fairly on such homes. Absent in cards written before it was recorded.
    public var trainingLastLabelDate: Date?

    /// Creates a data window.
    public init(firstLabelDate: Date, lastLabelDate: Date, trainingLastLabelDate: Date? = nil) {
        self.firstLabelDate = firstLabelDate
        self.lastLabelDate = lastLabelDate
        self.trainingLastLabelDate = trainingLastLabelDate
    }
}
