import Foundation

/// A number read from text under the separator rules documented on ``NumberParser``.
struct Numeral {
    /// The most digits a numeral may have; longer ones are absurd for any field.
    static let maximumDigits = 30

    /// Whether the text started with a minus sign.
    let isNegative: Bool
    /// The value, with its sign.
    let value: Decimal
    /// The value as a binary floating-point number, with its sign.
    let doubleValue: Double

    /// Characters that may separate groups of thousands besides the convention's
    /// grouping separator: spaces (plain, no-break, narrow, thin) and apostrophes.
    private static let neutralGroupingSeparators: Set<Character> = [
        " ", "\u{00A0}", "\u{202F}", "\u{2009}", "'", "’",
    ]
    private static let minusSigns: Set<Character> = ["-", "−"]

    /// Characters that can belong to a numeral, used to find where one ends.
    static func isNumeralCharacter(_ character: Character) -> Bool {
        character.isASCII && character.isNumber || character == "." || character == ","
            || neutralGroupingSeparators.contains(character)
    }

    /// Splits text into the numeral it starts with (sign included) and the rest.
    static func splitLeading(_ text: Substring) -> (numeral: Substring, rest: Substring) {
        var end = text.startIndex
        if let first = text.first, minusSigns.contains(first) || first == "+" {
            end = text.index(after: end)
        }
        while end < text.endIndex, isNumeralCharacter(text[end]) {
            end = text.index(after: end)
        }
        let numeral = TextFolding.trimmingSpaces(text[..<end])
        let rest = TextFolding.trimmingSpaces(text[end...])
        return (Substring(numeral), Substring(rest))
    }

    /// Reads a numeral: an optional sign, then digits and separators only.
    /// - Parameters:
    ///   - text: The numeral.
    ///   - convention: Settles a lone separator followed by exactly three digits.
    ///   - input: The whole input, quoted in errors.
    init(_ text: Substring, convention: NumberConvention, input: String) throws(ParseError) {
        var body = text[...]
        var isNegative = false
        if let first = body.first, Self.minusSigns.contains(first) || first == "+" {
            isNegative = Self.minusSigns.contains(first)
            body = body.dropFirst()
        }
        if !isNegative, let integer = Self.plainInteger(body) {
            // The common case, without `Character`s or parsing a `Decimal` from text.
            self.isNegative = false
            value = Decimal(integer)
            doubleValue = Double(integer)
            return
        }
        guard body.contains(where: { $0.isASCII && $0.isNumber }),
            body.allSatisfy(Self.isNumeralCharacter),
            let first = body.first, !Self.neutralGroupingSeparators.contains(first),
            let last = body.last, last.isASCII && last.isNumber
        else {
            throw ParseError(.malformed, reason: "not a number", input: input)
        }
        let decimalSeparator = try Self.decimalSeparator(in: body, convention: convention, input: input)
        let integerText: Substring
        let fractionText: Substring
        if let decimalSeparator, let index = body.lastIndex(of: decimalSeparator) {
            integerText = body[..<index]
            fractionText = body[body.index(after: index)...]
        } else {
            integerText = body
            fractionText = ""
        }
        let integerDigits = try Self.digits(ofGrouped: integerText, input: input)
        guard fractionText.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ParseError(.malformed, reason: "separators inside the decimals", input: input)
        }
        guard integerDigits.count + fractionText.count <= Self.maximumDigits else {
            throw ParseError(.outOfRange, reason: "more than \(Self.maximumDigits) digits", input: input)
        }
        let canonical =
            (isNegative ? "-" : "") + (integerDigits.isEmpty ? "0" : integerDigits)
            + (fractionText.isEmpty ? "" : "." + fractionText)
        guard let value = Self.decimal(integer: integerDigits, fraction: fractionText, negative: isNegative) ?? Decimal(string: canonical),
            let doubleValue = Double(canonical)
        else {
            throw ParseError(.malformed, reason: "not a number", input: input)
        }
        self.isNegative = isNegative
        self.value = value
        self.doubleValue = doubleValue
    }

    /// The value of the digits of `parts` one after the other when they are 1 to 18 ASCII
    /// digits and nothing else, else `nil`.
    private static func plainInteger(_ parts: Substring...) -> UInt64? {
        guard (1...18).contains(parts.reduce(0) { $0 + $1.utf8.count }) else { return nil }
        var value: UInt64 = 0
        for part in parts {
            for byte in part.utf8 {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + UInt64(byte - 0x30)
            }
        }
        return value
    }

    /// The value of ASCII digits `integer` and `fraction` (`integer.fraction`) when they hold 1 to
    /// 18 digits together and the value is not zero, built from its digits without parsing
    /// text; `nil` otherwise (`Decimal(string:)` then reads it).
    private static func decimal(integer: String, fraction: Substring, negative: Bool) -> Decimal? {
        guard let significand = plainInteger(Substring(integer), fraction), significand > 0 else { return nil }
        return Decimal(sign: negative ? .minus : .plus, exponent: -fraction.utf8.count, significand: Decimal(significand))
    }

    /// Decides which separator, if any, starts the decimals.
    private static func decimalSeparator(
        in body: Substring,
        convention: NumberConvention,
        input: String
    ) throws(ParseError) -> Character? {
        let points = body.count { $0 == "." }
        let commas = body.count { $0 == "," }
        switch (points, commas) {
        case (0, 0):
            return nil
        case (_, 0), (0, _):
            let separator: Character = points > 0 ? "." : ","
            if points + commas > 1 {
                return nil
            }
            guard let index = body.firstIndex(of: separator) else { return nil }
            let before = body[..<index]
            let groupBefore = before.reversed().prefix { $0.isASCII && $0.isNumber }
            let couldGroup =
                body[body.index(after: index)...].count == 3 && (1...3).contains(groupBefore.count)
                && before.first != "0"
            if couldGroup {
                return separator == convention.groupingSeparator ? nil : separator
            }
            return separator
        default:
            guard let lastPoint = body.lastIndex(of: "."), let lastComma = body.lastIndex(of: ",") else {
                return nil
            }
            let separator: Character = lastPoint > lastComma ? "." : ","
            guard body.count(where: { $0 == separator }) == 1 else {
                throw ParseError(
                    .malformed,
                    reason: "the decimal separator '\(separator)' appears more than once",
                    input: input
                )
            }
            return separator
        }
    }

    /// The digits of an integer part whose groups of thousands may be separated.
    /// The first group has one to three digits, every later group exactly three.
    private static func digits(ofGrouped text: Substring, input: String) throws(ParseError) -> String {
        let groups = text.split(
            omittingEmptySubsequences: false,
            whereSeparator: { $0 == "." || $0 == "," || neutralGroupingSeparators.contains($0) }
        )
        if groups.count > 1 {
            let wellGrouped =
                (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
            guard wellGrouped else {
                throw ParseError(
                    .malformed,
                    reason: "digit groups between thousands separators must have three digits",
                    input: input
                )
            }
        }
        return groups.joined()
    }
}
