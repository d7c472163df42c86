import Foundation
import NormalizerCore
import Testing

@Suite("NumberParser")
struct NumberParserTests {
    @Test(
        "reads numbers under the separator rules",
        arguments: [
            ("130000", NumberConvention.decimalPoint, "130000"),
            ("1,200", .decimalPoint, "1200"),
            ("1,200", .decimalComma, "1.2"),
            ("1.200", .decimalComma, "1200"),
            ("1.200", .decimalPoint, "1.2"),
            ("111,5", .decimalComma, "111.5"),
            ("111,5", .decimalPoint, "111.5"),
            ("3.75", .decimalComma, "3.75"),
            ("1234,567", .decimalPoint, "1234.567"),
            ("0,500", .decimalPoint, "0.5"),
            ("1,200.50", .decimalComma, "1200.5"),
            ("1.200,50", .decimalPoint, "1200.5"),
            ("1.200.000", .decimalPoint, "1200000"),
            ("1,234,567.89", .decimalPoint, "1234567.89"),
            ("1 200 000", .decimalComma, "1200000"),
            ("1\u{00A0}200,5", .decimalComma, "1200.5"),
            ("1'200", .decimalPoint, "1200"),
            ("-3,5", .decimalComma, "-3.5"),
            ("−3.5", .decimalPoint, "-3.5"),
            ("+42", .decimalPoint, "42"),
            (".5", .decimalPoint, "0.5"),
            ("  7  ", .decimalPoint, "7"),
        ]
    )
    func readsNumbers(input: String, convention: NumberConvention, expected: String) throws {
        let value = try NumberParser(convention: convention).parse(input)

        #expect(value == Decimal(string: expected))
    }

    @Test("plain digits and decimals read exactly, by the short path up to 18 digits and the general one past it")
    func plainDigits() throws {
        var generator = SystemRandomNumberGenerator()
        func digits(_ count: ClosedRange<Int>) -> String {
            String((0..<Int.random(in: count, using: &generator)).map { _ in "0123456789".randomElement(using: &generator) ?? "0" })
        }
        let samples = ["0", "007", "999999999999999999", "1000000000000000000", "123456789012345678901234"]
        let random = (0..<500).map { _ in digits(1...24) }
        let fractions = (0..<500).map { index in (index % 2 == 0 ? "-" : "") + digits(1...12) + "." + digits(1...12) }
        for digits in samples + random + fractions + ["0.000", "-0.0", "-0", "10.50", "-3.25", "0.1", "1.234"] {
            let value = try NumberParser(convention: .decimalPoint).parse(digits)
            let expected = try #require(Decimal(string: digits))
            #expect(value == expected, "\(digits)")
            #expect(value.description == expected.description, "\(digits)")
            #expect(!value.isNaN, "\(digits)")
            #expect(value.isSignMinus == (value < 0), "\(digits)")
        }
    }

    @Test(
        "a country brings its convention",
        arguments: [
            (Country.unitedStates, "1.2"), (.canada, "1.2"), (.germany, "1200"),
        ]
    )
    func countryBringsItsConvention(country: Country, expected: String) throws {
        #expect(try NumberParser(country: country).parse("1.200") == Decimal(string: expected))
    }

    @Test(
        "rejects garbage with the typed error",
        arguments: [
            ("", ParseError.Code.empty),
            ("   ", .empty),
            ("n/a", .missingValue),
            ("N.A.", .missingValue),
            ("k. A.", .missingValue),
            ("-", .missingValue),
            ("abc", .malformed),
            ("12,34,567", .malformed),
            ("1.2.3", .malformed),
            ("1..2", .malformed),
            ("1,2.3,4", .malformed),
            ("12 34", .malformed),
            ("5.", .malformed),
            ("1e5", .malformed),
            ("١٢٣", .malformed),
            ("１２３", .malformed),
            ("🏠", .malformed),
            ("1" + String(repeating: "0", count: 40), .outOfRange),
        ]
    )
    func rejectsGarbage(input: String, code: ParseError.Code) {
        let error = #expect(throws: ParseError.self) { try NumberParser(convention: .decimalPoint).parse(input) }
        #expect(error?.code == code)
    }
}
