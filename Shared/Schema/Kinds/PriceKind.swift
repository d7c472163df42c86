/// What a home's price stands for.
public enum PriceKind: String, Codable, Sendable, CaseIterable {
    /// A listing's asking price.
    case asking

    /// A recorded sale price.
    case sold

    /// An assessed or appraised value, such as for property tax.
    case assessed
}
