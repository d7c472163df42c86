import Foundation

/// Puts the normalised pieces of an address together and checks it is usable.
enum AddressAssembly {
    /// A unit given apart from the street line, which must agree with the line's own.
    /// - Throws: ``ParseError/Code/ambiguous`` for two different units.
    static func unit(_ unit: String, orLineUnit lineUnit: String?, input: String) throws(ParseError) -> String {
        if let lineUnit, lineUnit != unit {
            throw ParseError(.ambiguous, reason: "two units given: \(lineUnit) and \(unit)", input: input)
        }
        return unit
    }

    /// The address, with the unit from the street line or given apart.
    /// - Throws: ``ParseError/Code/ambiguous`` for two different units,
    ///   ``ParseError/Code/missingComponent`` without a city and a postal code.
    static func address(
        streetLine: StreetLine,
        unit: String? = nil,
        city: String?,
        subdivision: String?,
        postalCode: String?,
        country: Country,
        input: String
    ) throws(ParseError) -> PostalAddress {
        let unit = try unit.map { unit throws(ParseError) in
            try self.unit(unit, orLineUnit: streetLine.unit, input: input)
        }
        guard city?.isEmpty == false || postalCode != nil else {
            throw ParseError(
                .missingComponent,
                reason: "the address has neither a city nor a postal code",
                input: input
            )
        }
        return PostalAddress(
            street: streetLine.street,
            houseNumber: streetLine.houseNumber,
            unit: unit ?? streetLine.unit,
            city: city,
            subdivision: subdivision,
            postalCode: postalCode,
            country: country
        )
    }
}
