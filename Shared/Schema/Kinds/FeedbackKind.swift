/// What a piece of customer feedback reports.
public enum FeedbackKind: String, Codable, Sendable, CaseIterable {
    /// The price the home actually sold for; `value` is an amount.
    case salePrice

    /// The customer's own estimate of the right price; `value` is an amount.
    case correction

    /// A satisfaction rating; `value` is 1 to 5.
    case rating
}
