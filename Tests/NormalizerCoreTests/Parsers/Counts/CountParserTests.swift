import NormalizerCore
import Testing

@Suite("CountParser")
struct CountParserTests {
    @Test(
        "reads counts written as digits or words, with labels",
        arguments: [
            ("3", Country.unitedStates, 3.0),
            ("3.5 baths", .unitedStates, 3.5),
            ("1.75 baths", .unitedStates, 1.75),
            ("3,5 Zimmer", .germany, 3.5),
            ("three", .unitedStates, 3),
            ("Three Bedrooms", .unitedStates, 3),
            ("drei", .germany, 3),
            ("Drei Zimmer", .germany, 3),
            ("zwölf", .germany, 12),
            ("2 BR", .unitedStates, 2),
            ("2 bd", .unitedStates, 2),
            ("2 Bäder", .germany, 2),
            ("4 Zi.", .germany, 4),
            ("ca. 4 Zimmer", .germany, 4),
            ("0 bedrooms", .unitedStates, 0),
            ("3+1", .canada, 4),
            ("3 + 1 beds", .canada, 4),
        ]
    )
    func readsCounts(input: String, country: Country, expected: Double) throws {
        #expect(try CountParser(country: country).parse(input) == expected)
    }

    @Test(
        "rejects garbage with the typed error",
        arguments: [
            ("", ParseError.Code.empty),
            ("n/a", .missingValue),
            ("abc", .malformed),
            ("abc beds", .malformed),
            ("2 apples", .malformed),
            ("3+", .malformed),
            ("3,5,7", .malformed),
            ("🛏️", .malformed),
            ("-2 beds", .negative),
            ("3+-1", .malformed),
            ("500 rooms", .outOfRange),
            ("99+99 rooms", .outOfRange),
        ]
    )
    func rejectsGarbage(input: String, code: ParseError.Code) {
        let error = #expect(throws: ParseError.self) { try CountParser(country: .unitedStates).parse(input) }
        #expect(error?.code == code)
    }

    @Test("a whole-number count rejects fractions", arguments: ["2.5", "2,5 bedrooms"])
    func wholeNumberCountRejectsFractions(input: String) {
        let bedrooms = CountParser(country: .unitedStates, allowsFractions: false)

        let error = #expect(throws: ParseError.self) { try bedrooms.parse(input) }
        #expect(error?.code == .malformed)
    }

    @Test("configured labels replace the standard ones")
    func configuredLabelsReplaceStandardOnes() throws {
        let garages = CountParser(country: .unitedStates, labels: ["car garage"])

        #expect(try garages.parse("2 car garage") == 2)
        let error = #expect(throws: ParseError.self) { try garages.parse("2 beds") }
        #expect(error?.code == .malformed)
    }
}
