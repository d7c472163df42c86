import Foundation

/// A sale price a customer reported for a home (``Schema/Feedback`` of kind `salePrice` that
/// names its home): it labels the home's latest feature row when it is newer than the row's own
/// label.
public struct FeedbackLabel: Codable, Sendable, Equatable {
    /// The reported price.
    public var price: Double
    /// Its currency, when the feedback gave one.
    public var currency: String?
    /// When it was reported.
    public var at: Date
}
