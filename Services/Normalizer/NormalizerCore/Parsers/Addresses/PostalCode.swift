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
            // 5 digits, then optionally 4 more after an optional hyphen.
            var scanner = ASCIIScanner(compact)
            guard let code = scanner.digits(5...5), !code.hasPrefix("000") else { return nil }
            guard !scanner.isAtEnd else { return code }
            _ = scanner.skip(oneOf: "-")
            guard let suffix = scanner.digits(4...4), scanner.isAtEnd else { return nil }
            return "\(code)-\(suffix)"
        case .canada:
            // Letter, digit, letter, an optional hyphen, digit, letter, digit.
            var scanner = ASCIIScanner(compact)
            guard let first = scanner.letters(1...1), let second = scanner.digits(1...1), let third = scanner.letters(1...1)
            else { return nil }
            _ = scanner.skip(oneOf: "-")
            guard let fourth = scanner.digits(1...1), let fifth = scanner.letters(1...1), let sixth = scanner.digits(1...1),
                scanner.isAtEnd,
                canadianFirstLetters.contains(Character(first)), canadianLetters.contains(Character(third)),
                canadianLetters.contains(Character(fifth))
            else { return nil }
            return "\(first)\(second)\(third) \(fourth)\(fifth)\(sixth)"
        case .germany:
            // 5 digits, perhaps after `D-` or `DE-`.
            var scanner = ASCIIScanner(compact)
            if scanner.skip(oneOf: "D") {
                _ = scanner.skip(oneOf: "E")
                guard scanner.skip(oneOf: "-") else { return nil }
            }
            guard let code = scanner.digits(5...5), scanner.isAtEnd, !code.hasPrefix("00") else { return nil }
            return code
        }
    }
}
