import Foundation

/// Reads addresses written the German way: street before number, postal code
/// before city: `Hauptstraße 5, 10115 Berlin`.
struct GermanAddressFormat {
    /// The pieces of an address around its postal code.
    private struct Layout {
        var streetParts: [[String]]
        var city: [String]?
        var subdivision: String?
        var postalCode: String?
    }

    /// Reads a whole address from one string.
    ///
    /// The last five-digit postal code (also `D-10115`) splits the address: the
    /// words after it are the city (or, if none, the next part), a part after
    /// the city may name the Land, and everything before is the street line and
    /// units (`Whg. 2`, also after ` / `). Without a postal code the last part
    /// is the city, unless it is a unit or the only part.
    func parse(_ input: String) throws(ParseError) -> PostalAddress {
        var text = AddressText(input, extraSeparators: [" / "])
        text.dropTrailingCountryName(.germany)
        let layout =
            if let position = lastPostalCode(in: text.parts) {
                try layout(of: text.parts, aroundPostalCodeAt: position, input: input)
            } else {
                try layoutWithoutPostalCode(of: text, input: input)
            }
        let streetLine = try StreetLine.read(layout.streetParts, input: input) { words throws(ParseError) in
            try StreetLine.german(words, input: input)
        }
        return try AddressAssembly.address(
            streetLine: streetLine,
            city: layout.city.map(NameCasing.normalized),
            subdivision: layout.subdivision,
            postalCode: layout.postalCode,
            country: .germany,
            input: input
        )
    }

    private func layout(
        of parts: [[String]],
        aroundPostalCodeAt position: (part: Int, word: Int, code: String),
        input: String
    ) throws(ParseError) -> Layout {
        let part = parts[position.part]
        var following = parts[(position.part + 1)...]
        var layout = Layout(streetParts: Array(parts[..<position.part]), postalCode: position.code)
        if position.word > 0 {
            layout.streetParts.append(Array(part[..<position.word]))
        }
        let cityWords = part[(position.word + 1)...]
        layout.city = cityWords.isEmpty ? following.popFirst() : Array(cityWords)
        for extra in following {
            let name = extra.joined(separator: " ")
            guard layout.subdivision == nil, let code = Country.germany.subdivisionCode(for: name) else {
                throw ParseError(.malformed, reason: "unexpected '\(name)' after the city", input: input)
            }
            layout.subdivision = code
        }
        return layout
    }

    private func layoutWithoutPostalCode(of text: AddressText, input: String) throws(ParseError) -> Layout {
        var text = text
        var layout = Layout(streetParts: [])
        if text.parts.count > 1, let (code, length) = text.trailingSubdivision(of: .germany),
            length == text.parts.last?.count
        {
            layout.subdivision = code
            text.removeTrailingWords(length)
        }
        if text.parts.count > 1, let first = text.parts.last?.first, first.allSatisfy(\.isNumber) {
            throw ParseError(.invalidPostalCode, reason: "'\(first)' is not a German postal code", input: input)
        }
        if text.parts.count > 1, let last = text.parts.last, !AddressText.isUnit(last) {
            layout.city = text.parts.removeLast()
        }
        layout.streetParts = text.parts
        return layout
    }

    /// The position of the last word that is a German postal code, and the code.
    private func lastPostalCode(in parts: [[String]]) -> (part: Int, word: Int, code: String)? {
        for partIndex in parts.indices.reversed() {
            for wordIndex in parts[partIndex].indices.reversed() {
                if let code = PostalCode.normalized(parts[partIndex][wordIndex], country: .germany) {
                    return (partIndex, wordIndex, code)
                }
            }
        }
        return nil
    }
}
