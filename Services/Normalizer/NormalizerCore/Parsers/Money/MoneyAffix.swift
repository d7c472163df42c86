import Foundation

/// What the text before or after a price's number may say.
enum MoneyAffix: Sendable, Equatable {
    /// An explicit currency: `€`, `USD`, `C$`.
    case currency(CurrencyCode)
    /// The bare `$` or the word `dollar`, whose currency depends on the region.
    case dollarSign
    /// A factor: `k`, `Mio.`, `million`.
    case multiplier(Decimal)
    /// A minus sign before the number.
    case minus
    /// A qualifier that changes nothing: `VB` (Verhandlungsbasis), `obo`.
    case qualifier

    /// Reads the affixes of a price.
    struct Scanner: Sendable {
        /// Lowercased spelling → affix.
        private let affixesBySpelling: [String: MoneyAffix]
        private let longestSpelling: Int

        private static let fixedAffixes: [String: MoneyAffix] = [
            "$": .dollarSign, "dollar": .dollarSign, "dollars": .dollarSign,
            "k": .multiplier(1_000), "thousand": .multiplier(1_000), "tsd": .multiplier(1_000),
            "tausend": .multiplier(1_000), "m": .multiplier(1_000_000), "mm": .multiplier(1_000_000),
            "mn": .multiplier(1_000_000), "mln": .multiplier(1_000_000), "mio": .multiplier(1_000_000),
            "mill": .multiplier(1_000_000), "million": .multiplier(1_000_000),
            "millions": .multiplier(1_000_000), "millionen": .multiplier(1_000_000),
            "-": .minus, "−": .minus, "vb": .qualifier, "obo": .qualifier,
        ]

        /// Characters between affixes that carry no meaning.
        private static let fillers: Set<Character> = [" ", ".", "\u{00A0}"]

        init(currenciesBySpelling: [String: CurrencyCode]) {
            var table = Self.fixedAffixes
            for (spelling, currency) in currenciesBySpelling {
                table[spelling] = .currency(currency)
            }
            affixesBySpelling = table
            longestSpelling = table.keys.map(\.count).max() ?? 0
        }

        /// Cuts text into affixes, longest spelling first; a spelling that ends in a
        /// letter must not be followed by another letter.
        /// - Throws: ``ParseError/Code/unknownCurrency`` for an unknown word of three
        ///   capitals (`XYZ`), ``ParseError/Code/malformed`` for any other unknown text.
        func affixes(in text: Substring, input: String) throws(ParseError) -> [MoneyAffix] {
            var affixes: [MoneyAffix] = []
            var rest = text
            while let first = rest.first {
                if Self.fillers.contains(first) {
                    rest = rest.dropFirst()
                    continue
                }
                guard let (affix, length) = longestAffix(atStartOf: rest) else {
                    let word = rest.prefix { !Self.fillers.contains($0) }
                    if word.count == 3, word.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                        throw ParseError(.unknownCurrency, reason: "'\(word)' is not a known currency", input: input)
                    }
                    throw ParseError(.malformed, reason: "unexpected '\(word)' in a price", input: input)
                }
                affixes.append(affix)
                rest = rest.dropFirst(length)
            }
            return affixes
        }

        private func longestAffix(atStartOf text: Substring) -> (MoneyAffix, Int)? {
            for length in stride(from: min(longestSpelling, text.count), through: 1, by: -1) {
                let candidate = text.prefix(length)
                let endsInsideWord = candidate.last?.isLetter == true && text.dropFirst(length).first?.isLetter == true
                guard !endsInsideWord else { continue }
                if let affix = affixesBySpelling[candidate.lowercased()] {
                    return (affix, length)
                }
                if let currency = CurrencySymbols.isoCodes[String(candidate)] {
                    return (.currency(currency), length)
                }
            }
            return nil
        }
    }
}
