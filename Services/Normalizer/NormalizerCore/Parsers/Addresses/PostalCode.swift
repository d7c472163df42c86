import Foundation

/// Postal code formats of the supported countries.
enum PostalCode {
    /// Letters Canada Post uses in a postal code's first and later positions.
    private static let canadianFirstLetters = Set("ABCEGHJKLMNPRSTVXY")
    private static let canadianLetters = Set("ABCEGHJKLMNPRSTVWXYZ")

    /// The code in the country's standard form, or `nil` if it is not one:
    /// US `62704` or `62704-1234` (also from `627041234`), Canadian `M5V 2T6`
    /// (from any case, with or without the space), German `10115` (also from
    /// `D-10115`).
    static func normalized(_ text: some StringProtocol, country: Country) -> String? {
        let compact = text.uppercased().filter { $0 != " " }
        switch country {
        case .unitedStates:
            guard let match = compact.wholeMatch(of: /([0-9]{5})(?:-?([0-9]{4}))?/),
                !match.output.1.hasPrefix("000")
            else { return nil }
            return match.output.2.map { "\(match.output.1)-\($0)" } ?? String(match.output.1)
        case .canada:
            guard let match = compact.wholeMatch(of: /([A-Z])([0-9])([A-Z])-?([0-9])([A-Z])([0-9])/),
                let first = match.output.1.first, canadianFirstLetters.contains(first),
                let third = match.output.3.first, canadianLetters.contains(third),
                let fifth = match.output.5.first, canadianLetters.contains(fifth)
            else { return nil }
            let output = match.output
            return "\(output.1)\(output.2)\(output.3) \(output.4)\(output.5)\(output.6)"
        case .germany:
            guard let match = compact.wholeMatch(of: /(?:DE?-)?([0-9]{5})/), !match.output.1.hasPrefix("00") else {
                return nil
            }
            return String(match.output.1)
        }
    }
}
