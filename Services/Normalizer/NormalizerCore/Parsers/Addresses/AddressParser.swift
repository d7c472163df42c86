import Foundation

/// Reads and normalises postal addresses of one country, given as one string or
/// as separate fields.
///
/// - United States and Canada: `123 Main St Apt 4B, Springfield, IL 62704`,
///   `Unit 3, 45 King Street West, Toronto, Ontario M5H 1J8, Canada`,
///   `12-45 King St W, Toronto ON M5H1J8`.
/// - Germany: `Hauptstraße 5, 10115 Berlin`, `Hauptstr. 5a / Whg. 2, D-80331 München, Bayern`.
///
/// See ``PostalAddress`` for the normalised form and
/// ``PostalAddress/matchingKey`` for the key used to match addresses.
public struct AddressParser: Sendable {
    /// The country whose address format is expected.
    public var country: Country

    /// Creates a parser for addresses of a country.
    public init(country: Country) {
        self.country = country
    }

    /// Reads an address written as one string.
    /// - Throws: ``ParseError`` with ``ParseError/Code/empty``,
    ///   ``ParseError/Code/missingValue``, ``ParseError/Code/malformed``,
    ///   ``ParseError/Code/ambiguous``, ``ParseError/Code/invalidPostalCode``,
    ///   ``ParseError/Code/unknownSubdivision`` or
    ///   ``ParseError/Code/missingComponent`` (no street, or neither city nor
    ///   postal code).
    public func parse(_ input: String) throws(ParseError) -> PostalAddress {
        _ = try InputScreening.value(input)
        switch country {
        case .unitedStates, .canada:
            return try NorthAmericanAddressFormat(country: country).parse(input)
        case .germany:
            return try GermanAddressFormat().parse(input)
        }
    }

    /// Reads an address delivered as separate fields.
    ///
    /// The street field may carry the house number and unit; a separate house
    /// number must then agree with it. The subdivision may be a name or a code.
    /// - Throws: the errors of ``parse(_:)-(String)``, quoting the fields joined by `, `.
    public func parse(_ components: AddressComponents) throws(ParseError) -> PostalAddress {
        let fields = [
            components.street, components.houseNumber, components.unit, components.city,
            components.subdivision, components.postalCode,
        ]
        let input = fields.compactMap { $0 }.joined(separator: ", ")
        guard let street = Self.present(components.street) else {
            throw ParseError(.missingComponent, reason: "the address has no street", input: input)
        }
        let houseNumber = Self.present(components.houseNumber)
        let streetLine = try StreetLine.read(AddressText(street).parts, input: input) { words throws(ParseError) in
            try self.streetLine(words, houseNumber: houseNumber, input: input)
        }
        let unit = try Self.present(components.unit).map { unit throws(ParseError) in
            try StreetLine.unitIdentifier(unit.split(separator: " ").map(String.init), input: input)
        }
        return try AddressAssembly.address(
            streetLine: streetLine,
            unit: unit,
            city: Self.present(components.city).map { NameCasing.normalized($0.split(separator: " ")) },
            subdivision: try Self.present(components.subdivision).map { name throws(ParseError) in
                guard let code = country.subdivisionCode(for: name) else {
                    throw ParseError(
                        .unknownSubdivision,
                        reason: "'\(name)' is not a subdivision of \(country.rawValue)",
                        input: input
                    )
                }
                return code
            },
            postalCode: try Self.present(components.postalCode).map { code throws(ParseError) in
                guard let normalized = PostalCode.normalized(code, country: country) else {
                    throw ParseError(
                        .invalidPostalCode,
                        reason: "'\(code)' is not a postal code of \(country.rawValue)",
                        input: input
                    )
                }
                return normalized
            },
            country: country,
            input: input
        )
    }

    /// Reads the street field's line and reconciles it with a separate house number.
    private func streetLine(_ words: [String], houseNumber: String?, input: String) throws(ParseError) -> StreetLine {
        var line =
            switch country {
            case .unitedStates, .canada: try StreetLine.northAmerican(words, country: country, input: input)
            case .germany: try StreetLine.german(words, input: input)
            }
        guard let houseNumber else { return line }
        let normalized = houseNumber.filter { !$0.isWhitespace }
        let number = country == .germany ? normalized.lowercased() : normalized.uppercased()
        guard number.contains(where: \.isNumber) else {
            throw ParseError(.malformed, reason: "'\(houseNumber)' is not a house number", input: input)
        }
        if let lineNumber = line.houseNumber, lineNumber.filter({ !$0.isWhitespace }) != number {
            throw ParseError(.ambiguous, reason: "two house numbers given: \(lineNumber) and \(number)", input: input)
        }
        line.houseNumber = line.houseNumber ?? number
        return line
    }

    /// The field's text with whitespace collapsed, or `nil` if it is blank or a
    /// placeholder such as `n/a`.
    private static func present(_ field: String?) -> String? {
        guard let field, let text = try? InputScreening.value(field) else { return nil }
        return text
    }
}
