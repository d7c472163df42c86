import NormalizerCore
import Testing

@Suite("BooleanParser")
struct BooleanParserTests {
    @Test(
        "reads yes and no in English and German",
        arguments: [
            ("yes", true), ("Y", true), ("ja", true), ("JA", true), ("j", true), ("true", true), ("TRUE", true),
            ("1", true), ("wahr", true), ("vorhanden", true),
            ("no", false), ("N", false), ("nein", false), ("false", false), ("0", false), ("falsch", false),
            ("nicht vorhanden", false),
        ]
    )
    func readsYesAndNo(input: String, expected: Bool) throws {
        #expect(try BooleanParser().parse(input) == expected)
    }

    @Test(
        "rejects garbage with the typed error",
        arguments: [
            ("", ParseError.Code.empty),
            ("n/a", .missingValue),
            ("maybe", .unrecognizedTerm),
            ("yess", .unrecognizedTerm),
            ("2", .unrecognizedTerm),
            ("🤷", .unrecognizedTerm),
        ]
    )
    func rejectsGarbage(input: String, code: ParseError.Code) {
        let error = #expect(throws: ParseError.self) { try BooleanParser().parse(input) }
        #expect(error?.code == code)
    }

    @Test("a vocabulary whose terms are not true and false is rejected at parse time")
    func vocabularyWithOtherTermsIsRejected() throws {
        let parser = BooleanParser(vocabulary: try Vocabulary(["maybe": ["perhaps"]]))

        let error = #expect(throws: ParseError.self) { try parser.parse("perhaps") }
        #expect(error?.code == .unrecognizedTerm)
    }
}
