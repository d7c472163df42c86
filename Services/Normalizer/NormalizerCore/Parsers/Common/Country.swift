import Foundation

/// A country whose listings the parsers understand, with its writing conventions.
///
/// The raw value is the ISO 3166-1 alpha-2 code.
public enum Country: String, Sendable, Codable, CaseIterable {
    case unitedStates = "US"
    case canada = "CA"
    case germany = "DE"

    /// The country a record names: its ISO code (`US`, `CA`, `DE`, also alpha-3) or its name in
    /// English or German (`Canada`, `United States`, `Deutschland`).
    init?(naming text: String) {
        let key = Vocabulary.matchingKey(text)
        let names: [String: Country] = [
            "us": .unitedStates, "usa": .unitedStates, "unitedstates": .unitedStates,
            "unitedstatesofamerica": .unitedStates, "vereinigtestaaten": .unitedStates,
            "ca": .canada, "can": .canada, "canada": .canada, "kanada": .canada,
            "de": .germany, "deu": .germany, "germany": .germany, "deutschland": .germany,
        ]
        guard let country = names[key] else { return nil }
        self = country
    }

    /// How numbers are written. Canada is taken as English-speaking; a French
    /// Canadian source configures ``NumberConvention/decimalComma`` itself.
    public var numberConvention: NumberConvention {
        switch self {
        case .unitedStates, .canada: .decimalPoint
        case .germany: .decimalComma
        }
    }

    /// The currency of a price that names none.
    public var defaultCurrency: CurrencyCode {
        switch self {
        case .unitedStates: .usd
        case .canada: .cad
        case .germany: .eur
        }
    }

    /// The unit of an area that names none.
    public var defaultAreaUnit: AreaUnit {
        switch self {
        case .unitedStates, .canada: .squareFeet
        case .germany: .squareMetres
        }
    }

    /// The order of day and month in an all-numeric date like `05/06/1990`, or
    /// `nil` where both orders are common (Canada), so such dates are ambiguous.
    public var numericDateOrder: NumericDateOrder? {
        switch self {
        case .unitedStates: .monthFirst
        case .canada: nil
        case .germany: .dayFirst
        }
    }
}
