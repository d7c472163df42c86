import Foundation

/// The street, house number and unit read from one line of an address.
struct StreetLine {
    var street: String
    var houseNumber: String?
    var unit: String?

    /// Reads the street line among the parts of an address; the other parts must
    /// be units (`Apt 4B`, `Whg. 2`).
    /// - Throws: ``ParseError/Code/missingComponent`` without a street line,
    ///   ``ParseError/Code/malformed`` for a second one, and
    ///   ``ParseError/Code/ambiguous`` for two different units.
    static func read(
        _ parts: [[String]],
        input: String,
        readingLine readLine: ([String]) throws(ParseError) -> StreetLine
    ) throws(ParseError) -> StreetLine {
        var line: StreetLine?
        var unit: String?
        for part in parts {
            if AddressText.isUnit(part) {
                unit = try unitIdentifier(part, input: input)
            } else if line == nil {
                line = try readLine(part)
            } else {
                let text = part.joined(separator: " ")
                throw ParseError(.malformed, reason: "unexpected '\(text)' in the address", input: input)
            }
        }
        guard var line else {
            throw ParseError(.missingComponent, reason: "the address has no street", input: input)
        }
        if let unit {
            line.unit = try AddressAssembly.unit(unit, orLineUnit: line.unit, input: input)
        }
        return line
    }

    /// Reads a North American street line: `123 Main Street Apt 4B`,
    /// `123 1/2 N Main St`, `45 King St W #12`, and in Canada `12-45 King St W`
    /// (unit 12 of number 45).
    static func northAmerican(_ words: [String], country: Country, input: String) throws(ParseError) -> StreetLine {
        var (words, unit) = try splittingUnit(from: words, input: input)
        var houseNumber: String?
        if let first = words.first, let number = Self.numberParts(first, separators: "-") {
            words.removeFirst()
            houseNumber = first.uppercased()
            if country == .canada, unit == nil, let second = number.second {
                unit = number.first.uppercased()
                houseNumber = second.uppercased()
            }
            if words.first == "1/2", let number = houseNumber {
                words.removeFirst()
                houseNumber = number + " 1/2"
            }
        }
        return StreetLine(street: try northAmericanStreet(words, input: input), houseNumber: houseNumber, unit: unit)
    }

    /// Reads a German street line: `Hauptstraße 5`, `Hauptstr. 5 a`, `Am Markt 3-5`,
    /// `Hauptstraße 5 Whg. 2`.
    static func german(_ words: [String], input: String) throws(ParseError) -> StreetLine {
        var (words, unit) = try splittingUnit(from: words, input: input)
        var houseNumber: String?
        if let last = words.last, Self.numberParts(last, separators: "-/") != nil {
            words.removeLast()
            houseNumber = last.lowercased()
        } else if words.count >= 3, let letter = words.last, letter.count == 1, letter.first?.isLetter == true,
            Self.numberParts(words[words.count - 2], separators: "", allowsLetter: false) != nil
        {
            houseNumber = (words[words.count - 2] + letter).lowercased()
            words.removeLast(2)
        }
        let street = NameCasing.normalized(words).split(separator: " ").map {
            StreetVocabulary.germanStreetWord(String($0))
        }
        guard !street.isEmpty else {
            throw ParseError(.missingComponent, reason: "the address has no street name", input: input)
        }
        return StreetLine(street: street.joined(separator: " "), houseNumber: houseNumber, unit: unit)
    }

    /// A house number as one word: digits and perhaps a letter (`12`, `12B`), perhaps followed
    /// by one of `separators` and a second such number (`12-14`, `5/1`).
    /// - Returns: The first and the second number, or `nil` when the word is no house number.
    static func numberParts(
        _ word: String, separators: String, allowsLetter: Bool = true
    ) -> (first: String, second: String?)? {
        var scanner = ASCIIScanner(word)
        func number() -> String? {
            guard let digits = scanner.digits() else { return nil }
            return digits + (allowsLetter ? scanner.letters(0...1) ?? "" : "")
        }
        guard let first = number() else { return nil }
        if scanner.isAtEnd { return (first, nil) }
        guard scanner.skip(oneOf: separators), let second = number(), scanner.isAtEnd else { return nil }
        return (first, second)
    }

    /// The unit identifier in words such as `Apt 4B`, `#12`, `Whg. 2`: `4B`, `12`, `2`.
    static func unitIdentifier(_ words: some Collection<String>, input: String) throws(ParseError) -> String {
        var identifier = ""
        for word in words {
            if word.hasPrefix("#") {
                identifier += word.dropFirst()
            } else if !StreetVocabulary.isUnitDesignator(word) {
                identifier += word
            }
        }
        guard !identifier.isEmpty, identifier.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw ParseError(.malformed, reason: "the unit has no identifier", input: input)
        }
        return identifier.uppercased()
    }

    /// The words before a unit designator, and the unit after it, if any.
    private static func splittingUnit(from words: [String], input: String) throws(ParseError) -> ([String], String?) {
        guard let index = words.indices.dropFirst().first(where: { StreetVocabulary.isUnitDesignator(words[$0]) })
        else {
            return (words, nil)
        }
        return (Array(words[..<index]), try unitIdentifier(words[index...], input: input))
    }

    /// A North American street name with the type and directions abbreviated:
    /// `NORTH MAIN STREET` → `N Main St`, `King Street West` → `King St W`. A type
    /// or direction that is the only name word stays a name (`North Ave`, `E St`).
    private static func northAmericanStreet(_ words: [String], input: String) throws(ParseError) -> String {
        guard !words.isEmpty else {
            throw ParseError(.missingComponent, reason: "the address has no street name", input: input)
        }
        var normalized = NameCasing.normalized(words).split(separator: " ").map(String.init)
        var nameRange = normalized.indices
        if normalized.count > 2, let direction = StreetVocabulary.directional(normalized[normalized.count - 1]),
            StreetVocabulary.northAmericanType(normalized[normalized.count - 2]) != nil
        {
            normalized[normalized.count - 1] = direction
            nameRange = nameRange.dropLast()
        }
        if nameRange.count > 1, let last = nameRange.last,
            let type = StreetVocabulary.northAmericanType(normalized[last])
        {
            normalized[last] = type
            nameRange = nameRange.dropLast()
        }
        if nameRange.count > 1, let first = nameRange.first,
            let direction = StreetVocabulary.directional(normalized[first])
        {
            normalized[first] = direction
        }
        return normalized.joined(separator: " ")
    }
}
