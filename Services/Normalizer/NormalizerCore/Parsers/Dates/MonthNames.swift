import Foundation

/// Names and abbreviations of months in the languages of the sources.
///
/// Names are compared after folding (lowercase, `ä` → `ae`, other accents
/// removed) and without a trailing dot, so `März`, `maerz` and `Mär.` match alike.
/// A new language is data: merge its table in.
public struct MonthNames: Sendable, Equatable, Codable {
    /// Folded name → month number.
    private var monthsByName: [String: Int]

    /// Creates a table from names to month numbers (1 to 12).
    public init(_ monthsByName: [String: Int]) {
        self.monthsByName = Dictionary(
            monthsByName.map { (Self.key($0.key), $0.value) },
            uniquingKeysWith: { first, _ in first }
        )
    }

    /// The month a name stands for, if the table knows it.
    public func month(named name: some StringProtocol) -> Int? {
        monthsByName[Self.key(name)]
    }

    /// This table with another's names added; this table wins on a clash.
    public func merging(_ other: MonthNames) -> MonthNames {
        var merged = self
        merged.monthsByName.merge(other.monthsByName, uniquingKeysWith: { mine, _ in mine })
        return merged
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([String: Int].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(monthsByName)
    }

    private static func key(_ name: some StringProtocol) -> String {
        var key = TextFolding.folded(name)
        while key.hasSuffix(".") { key.removeLast() }
        return key
    }

    /// English month names and their common abbreviations.
    public static let english = MonthNames([
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
        "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
        "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
        "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ])

    /// German (and Austrian) month names, with and without umlauts.
    public static let german = MonthNames([
        "januar": 1, "jan": 1, "jänner": 1, "februar": 2, "feb": 2, "feber": 2,
        "märz": 3, "marz": 3, "mär": 3, "mar": 3, "mrz": 3, "april": 4, "apr": 4,
        "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11,
        "nov": 11, "dezember": 12, "dez": 12,
    ])

    /// English and German together, the default for the current regions.
    public static let englishAndGerman = english.merging(german)
}
