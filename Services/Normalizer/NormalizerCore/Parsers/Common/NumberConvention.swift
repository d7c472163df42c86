import Foundation

/// How a region writes numbers: which of `.` and `,` separates the decimals.
///
/// The convention only settles the one case that is truly ambiguous; see
/// ``NumberParser`` for the full rules.
public enum NumberConvention: String, Sendable, Codable, CaseIterable {
    /// `1,200.5`: a point before the decimals, commas between thousands (English).
    case decimalPoint
    /// `1.200,5`: a comma before the decimals, points between thousands (German).
    case decimalComma

    /// The character that separates groups of thousands.
    public var groupingSeparator: Character {
        switch self {
        case .decimalPoint: ","
        case .decimalComma: "."
        }
    }
}
