import Foundation

/// Reads addresses written the US and Canadian way: number before street, then
/// city, state or province, postal code: `123 Main St, Springfield, IL 62704`.
struct NorthAmericanAddressFormat {
    let country: Country

    /// Reads a whole address from one string.
    ///
    /// From the end: the country name, the postal code, the state or province
    /// (name or code), then the city (the rest of that part, or the part before).
    /// The first remaining part is the street line; other parts must be units.
    /// Without commas (`123 Main St Springfield IL 62704`) the city starts after
    /// the street type.
    func parse(_ input: String) throws(ParseError) -> PostalAddress {
        var text = AddressText(input)
        text.dropTrailingCountryName(country)
        let postalCode = try takePostalCode(from: &text, input: input)
        let subdivision = try takeSubdivision(from: &text, afterPostalCode: postalCode != nil, input: input)
        let city = try takeCity(from: &text, afterTail: postalCode != nil || subdivision != nil, input: input)
        let streetLine = try StreetLine.read(text.parts, input: input) { words throws(ParseError) in
            try StreetLine.northAmerican(words, country: country, input: input)
        }
        return try AddressAssembly.address(
            streetLine: streetLine,
            city: city.map(NameCasing.normalized),
            subdivision: subdivision,
            postalCode: postalCode,
            country: country,
            input: input
        )
    }

    /// Removes and returns the postal code ending the address (one word, or two
    /// for `M5H 1J8`).
    /// - Throws: ``ParseError/Code/invalidPostalCode`` if a word with digits ends
    ///   an address of several parts but is no postal code.
    private func takePostalCode(from text: inout AddressText, input: String) throws(ParseError) -> String? {
        guard let last = text.parts.last else { return nil }
        for length in [2, 1] where last.count >= length {
            if let code = PostalCode.normalized(last.suffix(length).joined(), country: country) {
                text.removeTrailingWords(length)
                return code
            }
        }
        if text.parts.count > 1, let word = last.last, word.contains(where: \.isNumber) {
            throw ParseError(
                .invalidPostalCode,
                reason: "'\(word)' is not a postal code of \(country.rawValue)",
                input: input
            )
        }
        return nil
    }

    /// Removes and returns the code of the state or province ending the address.
    /// - Throws: ``ParseError/Code/unknownSubdivision`` if two capitals stand
    ///   where the code belongs but name none.
    private func takeSubdivision(
        from text: inout AddressText,
        afterPostalCode: Bool,
        input: String
    ) throws(ParseError) -> String? {
        if let (code, length) = text.trailingSubdivision(of: country) {
            text.removeTrailingWords(length)
            return code
        }
        if let word = text.parts.last?.last, text.parts.count > 1 || afterPostalCode,
            word.count == 2, word.allSatisfy({ $0.isASCII && $0.isUppercase })
        {
            throw ParseError(
                .unknownSubdivision,
                reason: "'\(word)' is not a state or province of \(country.rawValue)",
                input: input
            )
        }
        return nil
    }

    /// Removes and returns the city: the last part if several remain; otherwise
    /// the words after the street in a part cut by the postal code or state,
    /// or a lone part without a house number after them.
    private func takeCity(from text: inout AddressText, afterTail: Bool, input: String) throws(ParseError) -> [String]? {
        if text.parts.count >= 2 {
            return text.parts.removeLast()
        }
        guard let only = text.parts.first, afterTail || text.isLastPartCut else { return nil }
        if text.isLastPartCut {
            let (street, city) = try splittingStreetAndCity(only, input: input)
            text.parts = street.isEmpty ? [] : [street]
            return city
        }
        if only.first?.first?.isNumber != true {
            text.parts = []
            return only
        }
        return nil
    }

    /// Cuts `123 Main St Springfield` after the first street type that follows
    /// the house number and a name word; a direction after the type stays with
    /// the street. Words without a house number are all city.
    private func splittingStreetAndCity(
        _ words: [String],
        input: String
    ) throws(ParseError) -> (street: [String], city: [String]) {
        guard let first = words.first, first.first?.isNumber == true else {
            return ([], words)
        }
        for index in words.indices.dropFirst(2).dropLast() where StreetVocabulary.northAmericanType(words[index]) != nil {
            var end = index + 1
            if end < words.count - 1, StreetVocabulary.directional(words[end]) != nil {
                end += 1
            }
            return (Array(words[..<end]), Array(words[end...]))
        }
        throw ParseError(
            .ambiguous,
            reason: "cannot tell the street from the city; separate them with a comma",
            input: input
        )
    }
}
