import Foundation

extension PostalAddress {
    /// A key under which two spellings of the same address are equal, for
    /// blocking in entity resolution: `US|62704|mainst|123|4b`.
    ///
    /// Fields, separated by `|`: the country code; the postal code (only the
    /// five-digit ZIP in the United States, without the space in Canada) or,
    /// without one, the city; the street; the house number; the unit. Each is
    /// folded (lowercase, `ß` → `ss`, `ä` → `ae`, no accents) and keeps only letters
    /// and digits, so `Hauptstr. 5` and `HAUPTSTRASSE 5` give the same key. An
    /// absent field is empty.
    public var matchingKey: String {
        let place = postalCode.map { country == .unitedStates ? String($0.prefix(5)) : $0 } ?? city
        return [
            country.rawValue, Self.keyPart(place), Self.keyPart(street), Self.keyPart(houseNumber), Self.keyPart(unit),
        ]
        .joined(separator: "|")
    }

    private static func keyPart(_ text: String?) -> String {
        text.map(Vocabulary.matchingKey) ?? ""
    }
}
