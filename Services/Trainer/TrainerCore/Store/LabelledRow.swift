import Foundation
import Schema

/// A feature row the trainer can learn from: its label (a sale price in the region's
/// currency) and the date of that sale.
public struct LabelledRow: Sendable, Equatable {
    /// The feature row, its ``Schema/FeatureRow/target`` set to the label.
    public var row: FeatureRow
    /// When the home sold for the label.
    public var labelDate: Date

    /// The label.
    public var target: Double { row.target ?? .nan }
}
