import Foundation
import NormalizerCore
import Testing

@Suite("ParseError")
struct ParseErrorTests {
    @Test("codes keep their raw values, which dead letters depend on")
    func codesKeepTheirRawValues() {
        #expect(
            ParseError.Code.allCases.map(\.rawValue) == [
                "empty", "missingValue", "malformed", "ambiguous", "negative", "outOfRange", "unknownUnit",
                "missingUnit", "unknownCurrency", "missingExchangeRate", "unrecognizedTerm", "conflictingSynonym",
                "invalidPostalCode", "unknownSubdivision", "missingComponent",
            ]
        )
    }

    @Test("the caller names the field and the description shows it")
    func callerNamesTheField() {
        let error = ParseError(.negative, reason: "an area cannot be negative", input: "-5 m2")
            .inField("livingArea")

        #expect(error.field == "livingArea")
        #expect(error.code == .negative)
        #expect(error.description == #"[negative] in field 'livingArea': an area cannot be negative (input: "-5 m2")"#)
    }

    @Test("a very long input is cut so dead letters stay small")
    func longInputIsCut() {
        let error = ParseError(.malformed, reason: "not a number", input: String(repeating: "x", count: 1_000))

        #expect(error.input.count == ParseError.maximumInputLength + 1)
        #expect(error.input.hasSuffix("…"))
    }

    @Test("an error survives a JSON round trip")
    func survivesJSONRoundTrip() throws {
        let error = ParseError(.unknownCurrency, reason: "'xyz' is not a known currency", input: "130000 XYZ")
            .inField("price")

        let decoded = try JSONDecoder().decode(ParseError.self, from: JSONEncoder().encode(error))

        #expect(decoded == error)
    }

    @Test(
        "every parser reports the offending input",
        arguments: [
            "-5 m2", "n/a", "abc",
        ]
    )
    func parsersReportTheOffendingInput(input: String) {
        let error = #expect(throws: ParseError.self) { try AreaParser(country: .germany).parse(input) }
        #expect(error?.input == input)
        #expect(error?.field == nil)
    }
}
