import Foundation

/// Reads a count such as `3`, `3.5 baths`, `three`, `drei Zimmer`, `2 BR` or the
/// Canadian `3+1` (three bedrooms above grade plus one below, so 4).
///
/// The number follows ``NumberParser``'s separator rules or is a number word up
/// to twenty in English or German. It may be followed by one of ``labels``
/// (compared by ``Vocabulary/matchingKey(_:)``); any other text is malformed.
public struct CountParser: Sendable {
    /// The plausible range used unless another is given.
    public static let defaultPlausibleRange: ClosedRange<Double> = 0...100

    /// Words that may follow a count of rooms, bedrooms, bathrooms, floors,
    /// parking spaces or units, in English and German.
    public static let standardLabels: Set<String> = [
        "br", "bd", "bds", "bdr", "bdrm", "bdrms", "bed", "beds", "bedroom", "bedrooms",
        "schlafzimmer", "ba", "bth", "bath", "baths", "bathroom", "bathrooms", "full bath",
        "full baths", "half bath", "half baths", "bad", "bäder", "badezimmer", "wc",
        "room", "rooms", "rm", "rms", "zimmer", "zi", "raum", "räume",
        "floor", "floors", "storey", "storeys", "story", "stories", "etage", "etagen",
        "geschoss", "geschosse", "stockwerk", "stockwerke",
        "car", "cars", "space", "spaces", "parking spaces", "stellplatz", "stellplätze",
        "unit", "units", "wohneinheit", "wohneinheiten",
    ]

    /// Settles `1,200` versus `1.200` (hardly ever needed for counts).
    public let convention: NumberConvention
    /// Whether counts like `2.5` are allowed (half baths) or only whole numbers.
    public let allowsFractions: Bool
    /// Counts outside this range are rejected as absurd.
    public let plausibleRange: ClosedRange<Double>
    private let labelKeys: Set<String>

    /// Creates a parser.
    /// - Parameters:
    ///   - convention: How numbers are written.
    ///   - allowsFractions: Whether counts like `2.5` are allowed.
    ///   - labels: Words that may follow the number.
    ///   - plausibleRange: Accepted counts.
    public init(
        convention: NumberConvention,
        allowsFractions: Bool = true,
        labels: Set<String> = Self.standardLabels,
        plausibleRange: ClosedRange<Double> = Self.defaultPlausibleRange
    ) {
        self.convention = convention
        self.allowsFractions = allowsFractions
        self.plausibleRange = plausibleRange
        // Folding the standard labels costs more than parsing a count: do it once.
        labelKeys = labels == Self.standardLabels ? Self.standardLabelKeys : Set(labels.map(Vocabulary.matchingKey))
    }

    /// ``standardLabels`` as matching keys.
    private static let standardLabelKeys = Set(standardLabels.map(Vocabulary.matchingKey))

    /// Creates a parser with the country's number convention.
    public init(
        country: Country,
        allowsFractions: Bool = true,
        labels: Set<String> = Self.standardLabels,
        plausibleRange: ClosedRange<Double> = Self.defaultPlausibleRange
    ) {
        self.init(
            convention: country.numberConvention,
            allowsFractions: allowsFractions,
            labels: labels,
            plausibleRange: plausibleRange
        )
    }

    /// Reads a count.
    /// - Throws: ``ParseError`` with ``ParseError/Code/empty``,
    ///   ``ParseError/Code/missingValue``, ``ParseError/Code/malformed``,
    ///   ``ParseError/Code/negative`` or ``ParseError/Code/outOfRange``.
    public func parse(_ input: String) throws(ParseError) -> Double {
        let text = ApproximationMarker.stripped(try InputScreening.value(input)[...])
        var (count, rest) = try leadingCount(in: text, input: input)
        while rest.first == "+" {
            let addendText = rest.dropFirst().drop(while: \.isWhitespace)
            guard addendText.first?.isNumber == true else { break }
            let (addend, restAfterAddend) = try leadingCount(in: addendText, input: input)
            count += addend
            rest = restAfterAddend
        }
        guard rest.isEmpty || labelKeys.contains(Vocabulary.matchingKey(String(rest))) else {
            throw ParseError(.malformed, reason: "'\(rest)' does not label a count", input: input)
        }
        guard allowsFractions || count.rounded() == count else {
            throw ParseError(.malformed, reason: "expected a whole number", input: input)
        }
        guard plausibleRange.contains(count) else {
            throw ParseError(.outOfRange, reason: "\(count) is outside the plausible \(plausibleRange)", input: input)
        }
        return count
    }

    /// The number or number word the text starts with, and the rest.
    private func leadingCount(in text: Substring, input: String) throws(ParseError) -> (Double, Substring) {
        if text.first?.isLetter == true {
            let word = text.prefix { $0.isLetter }
            guard let value = NumberWords.value(of: word) else {
                throw ParseError(.malformed, reason: "'\(word)' is not a number", input: input)
            }
            return (Double(value), Substring(TextFolding.trimmingSpaces(text.dropFirst(word.count))))
        }
        let (numeralText, rest) = Numeral.splitLeading(text)
        let numeral = try Numeral(numeralText, convention: convention, input: input)
        guard !numeral.isNegative else {
            throw ParseError(.negative, reason: "a count cannot be negative", input: input)
        }
        return (numeral.doubleValue, rest)
    }
}
