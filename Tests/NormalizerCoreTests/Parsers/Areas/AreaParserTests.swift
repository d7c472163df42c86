import NormalizerCore
import Testing

@Suite("AreaParser")
struct AreaParserTests {
    @Test(
        "reads areas in any unit into square metres",
        arguments: [
            ("1200 sqft", Country.unitedStates, 111.483_648),
            ("1,200 sq ft", .unitedStates, 111.483_648),
            ("1,200 sq. ft.", .canada, 111.483_648),
            ("1200 Square Feet", .unitedStates, 111.483_648),
            ("1200 ft²", .unitedStates, 111.483_648),
            ("1200sf", .unitedStates, 111.483_648),
            ("1200", .unitedStates, 111.483_648),
            ("approx. 1,500 sqft", .unitedStates, 139.354_56),
            ("130 m2", .germany, 130),
            ("130 m²", .germany, 130),
            ("130m²", .unitedStates, 130),
            ("130 m^2", .germany, 130),
            ("111,5 m²", .germany, 111.5),
            ("111,5 m²", .unitedStates, 111.5),
            ("130 qm", .germany, 130),
            ("130 Quadratmeter", .germany, 130),
            ("130 sq m", .canada, 130),
            ("ca. 120 m²", .germany, 120),
            ("~120 m²", .germany, 120),
            ("1.200 m²", .germany, 1200),
            ("1 200 m²", .germany, 1200),
            ("130", .germany, 130),
            ("0.25 acres", .unitedStates, 1_011.714_105_6),
            ("2 ha", .germany, 20_000),
        ]
    )
    func readsAreas(input: String, country: Country, squareMetres: Double) throws {
        let area = try AreaParser(country: country).parse(input)

        #expect(abs(area.squareMetres - squareMetres) < 1e-6)
    }

    @Test("an area converts back into its unit")
    func convertsBackIntoItsUnit() {
        let area = Area(1200, .squareFeet)

        #expect(abs(area.value(in: .squareFeet) - 1200) < 1e-9)
        #expect(abs(area.value(in: .squareMetres) - 111.483_648) < 1e-9)
    }

    @Test(
        "rejects garbage with the typed error",
        arguments: [
            ("", ParseError.Code.empty),
            ("n/a", .missingValue),
            ("abc", .malformed),
            ("m2", .malformed),
            ("😀 m²", .malformed),
            ("-5 m2", .negative),
            ("−5 m²", .negative),
            ("0 m2", .outOfRange),
            ("99999999999 sqft", .outOfRange),
            ("1.200 sqft", .outOfRange),
            ("130 furlongs", .unknownUnit),
            ("130 m2 130 m2", .unknownUnit),
            ("1e99 m2", .unknownUnit),
            ("12,34,567 sqft", .malformed),
        ]
    )
    func rejectsGarbage(input: String, code: ParseError.Code) {
        let error = #expect(throws: ParseError.self) { try AreaParser(country: .unitedStates).parse(input) }
        #expect(error?.code == code)
    }

    @Test("a bare number without a default unit is missing its unit")
    func bareNumberWithoutDefaultUnitIsMissingItsUnit() {
        let parser = AreaParser(convention: .decimalPoint, defaultUnit: nil)

        let error = #expect(throws: ParseError.self) { try parser.parse("1200") }
        #expect(error?.code == .missingUnit)
    }

    @Test("a narrower plausible range rejects a lot-sized living area")
    func narrowerPlausibleRangeRejects() throws {
        let livingArea = AreaParser(country: .germany, plausibleRange: 5...2_000)

        #expect(try livingArea.parse("130 m²").squareMetres == 130)
        let error = #expect(throws: ParseError.self) { try livingArea.parse("5 ha") }
        #expect(error?.code == .outOfRange)
    }
}
