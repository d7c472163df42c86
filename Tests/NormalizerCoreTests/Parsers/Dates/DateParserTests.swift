import Foundation
import NormalizerCore
import Testing

@Suite("DateParser")
struct DateParserTests {
    @Test(
        "reads years, months and days as sources write them",
        arguments: [
            ("1990", Country.unitedStates, "1990"),
            ("ca. 1905", .germany, "1905"),
            ("ca 1905", .germany, "1905"),
            ("circa 1890", .unitedStates, "1890"),
            ("um 1900", .germany, "1900"),
            ("~1950", .unitedStates, "1950"),
            ("approx. May 1990", .unitedStates, "1990-05"),
            ("1990-05", .unitedStates, "1990-05"),
            ("1990/5", .unitedStates, "1990-05"),
            ("1990 May", .unitedStates, "1990-05"),
            ("May 1990", .unitedStates, "1990-05"),
            ("may, 1990", .unitedStates, "1990-05"),
            ("05/1990", .unitedStates, "1990-05"),
            ("5.1990", .germany, "1990-05"),
            ("Mai 1990", .germany, "1990-05"),
            ("März 1990", .germany, "1990-03"),
            ("Maerz 1990", .germany, "1990-03"),
            ("Mrz. 1990", .germany, "1990-03"),
            ("Sept. 1990", .unitedStates, "1990-09"),
            ("Okt 1990", .germany, "1990-10"),
            ("1990-05-17", .unitedStates, "1990-05-17"),
            ("1990-05-17T10:30:00Z", .canada, "1990-05-17"),
            ("1990-05-17 10:30", .germany, "1990-05-17"),
            ("17.05.1990", .germany, "1990-05-17"),
            ("17.05.1990", .unitedStates, "1990-05-17"),
            ("05/17/1990", .unitedStates, "1990-05-17"),
            ("17/05/1990", .canada, "1990-05-17"),
            ("05/17/1990", .canada, "1990-05-17"),
            ("05/06/1990", .unitedStates, "1990-05-06"),
            ("05/06/1990", .germany, "1990-06-05"),
            ("06/06/1990", .canada, "1990-06-06"),
            ("17 May 1990", .unitedStates, "1990-05-17"),
            ("17. Mai 1990", .germany, "1990-05-17"),
            ("May 17, 1990", .unitedStates, "1990-05-17"),
            ("May 17th, 1990", .unitedStates, "1990-05-17"),
            ("1990 May 17", .unitedStates, "1990-05-17"),
            ("29.02.2000", .germany, "2000-02-29"),
        ]
    )
    func readsDates(input: String, country: Country, expected: String) throws {
        let date = try DateParser(country: country).parse(input)

        #expect(date.description == expected)
    }

    @Test(
        "rejects garbage with the typed error",
        arguments: [
            ("", Country.unitedStates, ParseError.Code.empty),
            ("n/a", .unitedStates, .missingValue),
            ("abc", .unitedStates, .malformed),
            ("05/06/1990", .canada, .ambiguous),
            ("13/13/1990", .unitedStates, .outOfRange),
            ("1990-13", .unitedStates, .outOfRange),
            ("1990-00", .unitedStates, .outOfRange),
            ("31.04.1990", .germany, .outOfRange),
            ("29.02.1900", .germany, .outOfRange),
            ("0990", .germany, .outOfRange),
            ("2999", .germany, .outOfRange),
            ("05/90", .unitedStates, .malformed),
            ("99999", .unitedStates, .malformed),
            ("1990-123", .unitedStates, .malformed),
            ("Smarch 1990", .unitedStates, .malformed),
            ("1990-05-17-01", .unitedStates, .malformed),
            ("-1990", .unitedStates, .malformed),
            ("📅 1990", .unitedStates, .malformed),
            ("1990 🎉", .unitedStates, .malformed),
        ]
    )
    func rejectsGarbage(input: String, country: Country, code: ParseError.Code) {
        let error = #expect(throws: ParseError.self) { try DateParser(country: country).parse(input) }
        #expect(error?.code == code)
    }

    @Test("a configured language adds month names")
    func configuredLanguageAddsMonthNames() throws {
        let french = MonthNames(["mai": 5, "juin": 6, "juillet": 7])
        let parser = DateParser(numericOrder: .dayFirst, monthNames: MonthNames.english.merging(french))

        #expect(try parser.parse("juillet 1990") == PartialDate(year: 1990, month: 7))
    }

    @Test("the plausible years are configurable")
    func plausibleYearsAreConfigurable() throws {
        let builtYear = DateParser(numericOrder: .dayFirst, plausibleYears: 1500...2030)

        #expect(try builtYear.parse("1650").year == 1650)
        let error = #expect(throws: ParseError.self) { try builtYear.parse("2040") }
        #expect(error?.code == .outOfRange)
    }
}

@Suite("PartialDate")
struct PartialDateTests {
    @Test(
        "only valid dates can be made",
        arguments: [
            (1990, 5 as Int?, 17 as Int?, true),
            (2000, 2, 29, true),
            (1900, 2, 29, false),
            (1990, 13, nil, false),
            (1990, nil, 17, false),
            (1990, 4, 31, false),
        ]
    )
    func onlyValidDatesCanBeMade(year: Int, month: Int?, day: Int?, isValid: Bool) {
        #expect((PartialDate(year: year, month: month, day: day) != nil) == isValid)
    }

    @Test("dates order by year, then month, then day")
    func datesOrder() throws {
        let year = try #require(PartialDate(year: 1990))
        let month = try #require(PartialDate(year: 1990, month: 5))
        let day = try #require(PartialDate(year: 1990, month: 5, day: 17))

        #expect(year < month && month < day)
    }

    @Test("decoding rejects an impossible date")
    func decodingRejectsImpossibleDate() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(PartialDate.self, from: Data(#"{"year": 1990, "month": 2, "day": 30}"#.utf8))
        }
    }

    @Test("a date survives a JSON round trip")
    func survivesJSONRoundTrip() throws {
        let date = try #require(PartialDate(year: 1990, month: 5))

        #expect(try JSONDecoder().decode(PartialDate.self, from: JSONEncoder().encode(date)) == date)
    }
}
