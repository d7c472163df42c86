import Foundation

/// Reads an area such as `1,200 sqft`, `130 m²`, `ca. 111,5 qm` or `0.25 acres`
/// into square metres.
///
/// The number follows ``NumberParser``'s separator rules; the unit comes after it
/// (see ``AreaUnit`` for the spellings). A bare number takes ``defaultUnit``.
public struct AreaParser: Sendable {
    /// The plausible range used unless another is given: one square metre to
    /// 1,000 hectares (a large rural lot).
    public static let defaultPlausibleRange: ClosedRange<Double> = 1...10_000_000

    /// Settles `1,200` versus `1.200`.
    public var convention: NumberConvention
    /// The unit of a bare number, or `nil` to reject bare numbers.
    public var defaultUnit: AreaUnit?
    /// Areas outside this range, in square metres, are rejected as absurd.
    public var plausibleRange: ClosedRange<Double>

    /// Creates a parser.
    /// - Parameters:
    ///   - convention: How numbers are written.
    ///   - defaultUnit: The unit of a bare number, or `nil` to reject bare numbers.
    ///   - plausibleRange: Accepted areas in square metres.
    public init(
        convention: NumberConvention,
        defaultUnit: AreaUnit?,
        plausibleRange: ClosedRange<Double> = Self.defaultPlausibleRange
    ) {
        self.convention = convention
        self.defaultUnit = defaultUnit
        self.plausibleRange = plausibleRange
    }

    /// Creates a parser with the country's number convention and default unit.
    public init(country: Country, plausibleRange: ClosedRange<Double> = Self.defaultPlausibleRange) {
        self.init(
            convention: country.numberConvention,
            defaultUnit: country.defaultAreaUnit,
            plausibleRange: plausibleRange
        )
    }

    /// Reads an area.
    /// - Throws: ``ParseError`` with ``ParseError/Code/empty``,
    ///   ``ParseError/Code/missingValue``, ``ParseError/Code/malformed``,
    ///   ``ParseError/Code/negative``, ``ParseError/Code/outOfRange``,
    ///   ``ParseError/Code/unknownUnit`` or ``ParseError/Code/missingUnit``.
    public func parse(_ input: String) throws(ParseError) -> Area {
        let text = ApproximationMarker.stripped(try InputScreening.value(input)[...])
        let (numeralText, unitText) = Numeral.splitLeading(text)
        let numeral = try Numeral(numeralText, convention: convention, input: input)
        let unit = try self.unit(named: unitText, input: input)
        guard !numeral.isNegative else {
            throw ParseError(.negative, reason: "an area cannot be negative", input: input)
        }
        let area = Area(numeral.doubleValue, unit)
        guard plausibleRange.contains(area.squareMetres) else {
            throw ParseError(
                .outOfRange,
                reason: "\(area.squareMetres) m² is outside the plausible \(plausibleRange) m²",
                input: input
            )
        }
        return area
    }

    private func unit(named text: Substring, input: String) throws(ParseError) -> AreaUnit {
        if text.isEmpty {
            guard let defaultUnit else {
                throw ParseError(.missingUnit, reason: "the area has no unit", input: input)
            }
            return defaultUnit
        }
        guard let unit = AreaUnit(spelling: text) else {
            throw ParseError(.unknownUnit, reason: "'\(text)' is not a unit of area", input: input)
        }
        return unit
    }
}
