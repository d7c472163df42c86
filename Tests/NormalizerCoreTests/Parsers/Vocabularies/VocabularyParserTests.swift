import Foundation
import NormalizerCore
import Testing

@Suite("VocabularyParser")
struct VocabularyParserTests {
    @Test(
        "reads heating systems in English and German, with small typos",
        arguments: [
            ("heat pump", "heatPump"),
            ("Wärmepumpe", "heatPump"),
            ("WAERMEPUMPE", "heatPump"),
            ("Luft-Wasser-Wärmepumpe", "heatPump"),
            ("Gas", "gas"),
            ("natural gas", "gas"),
            ("oil", "oil"),
            ("Öl", "oil"),
            ("Oel", "oil"),
            ("electric", "electric"),
            ("elektrisch", "electric"),
            ("district heating", "districtHeating"),
            ("Fernwärme", "districtHeating"),
            ("Wärmpumpe", "heatPump"),
            ("Warmepumpe", "heatPump"),
            ("heat pumb", "heatPump"),
            ("Fernwarme", "districtHeating"),
            ("elektrish", "electric"),
        ]
    )
    func readsHeating(input: String, term: String) throws {
        #expect(try VocabularyParser(vocabulary: .heating).parse(input) == term)
    }

    @Test(
        "reads cooling systems in English and German",
        arguments: [
            ("central air", "centralAir"),
            ("Central A/C", "centralAir"),
            ("Klimaanlage", "airConditioning"),
            ("none", "none"),
            ("keine", "none"),
            ("mini-split", "ductlessMiniSplit"),
        ]
    )
    func readsCooling(input: String, term: String) throws {
        #expect(try VocabularyParser(vocabulary: .cooling).parse(input) == term)
    }

    @Test(
        "rejects garbage with the typed error",
        arguments: [
            ("", ParseError.Code.empty),
            ("  ", .empty),
            ("n/a", .missingValue),
            ("abc", .unrecognizedTerm),
            ("gass", .unrecognizedTerm),
            ("coal", .unrecognizedTerm),
            ("🔥", .unrecognizedTerm),
            (String(repeating: "Wärmepumpe", count: 20), .unrecognizedTerm),
        ]
    )
    func rejectsGarbage(input: String, code: ParseError.Code) {
        let error = #expect(throws: ParseError.self) { try VocabularyParser(vocabulary: .heating).parse(input) }
        #expect(error?.code == code)
    }

    @Test("without typo tolerance only exact synonyms match")
    func withoutTypoToleranceOnlyExactSynonymsMatch() {
        let strict = VocabularyParser(vocabulary: .heating, toleratesTypos: false)

        let error = #expect(throws: ParseError.self) { try strict.parse("Wärmpumpe") }
        #expect(error?.code == .unrecognizedTerm)
    }

    @Test("a typo equally close to two terms is ambiguous")
    func typoCloseToTwoTermsIsAmbiguous() throws {
        let vocabulary = try Vocabulary(["first": ["abcdefgh"], "second": ["abcdefgk"]])

        let error = #expect(throws: ParseError.self) { try VocabularyParser(vocabulary: vocabulary).parse("abcdefgx") }
        #expect(error?.code == .ambiguous)
    }

    @Test("the typo allowance grows with the word", arguments: [(3, 0), (4, 0), (5, 1), (8, 1), (9, 2), (20, 2)])
    func typoAllowanceGrows(length: Int, typos: Int) {
        #expect(VocabularyParser.maximumTypos(forLength: length) == typos)
    }
}

@Suite("Vocabulary")
struct VocabularyTests {
    @Test("a vocabulary is loaded from configuration data, so synonyms need no code")
    func loadedFromData() throws {
        let json = #"{"temperature": ["temp", "Temperatur"], "humidity": ["Luftfeuchtigkeit"]}"#

        let vocabulary = try JSONDecoder().decode(Vocabulary.self, from: Data(json.utf8))
        let parser = VocabularyParser(vocabulary: vocabulary)

        #expect(try parser.parse("Temperatur") == "temperature")
        #expect(try parser.parse("temprature") == "temperature")
        #expect(try parser.parse("HUMIDITY") == "humidity")
        #expect(vocabulary.terms == ["humidity", "temperature"])
    }

    @Test("a synonym of two terms is a configuration error")
    func synonymOfTwoTermsIsAnError() {
        let error = #expect(throws: ParseError.self) {
            try Vocabulary(["gas": ["Gas-Heizung"], "oil": ["gasheizung"]])
        }
        #expect(error?.code == .conflictingSynonym)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Vocabulary.self, from: Data(#"{"a": ["x"], "b": ["X"]}"#.utf8))
        }
    }

    @Test("configuration extends a built-in vocabulary")
    func configurationExtendsBuiltIn() throws {
        let extended = try Vocabulary.heating.merging(Vocabulary(["heatPump": ["WP"], "coal": ["Kohle"]]))

        #expect(try VocabularyParser(vocabulary: extended).parse("WP") == "heatPump")
        #expect(try VocabularyParser(vocabulary: extended).parse("Kohle") == "coal")
        #expect(try VocabularyParser(vocabulary: extended).parse("Fernwärme") == "districtHeating")
    }

    @Test(
        "built-in vocabularies have no conflicting synonyms",
        arguments: [
            Vocabulary.heating, .cooling, .booleans,
        ]
    )
    func builtInVocabulariesHaveNoConflicts(vocabulary: Vocabulary) throws {
        #expect(try Vocabulary(vocabulary.synonymsByTerm) == vocabulary)
    }

    @Test("a vocabulary survives a JSON round trip")
    func survivesJSONRoundTrip() throws {
        let decoded = try JSONDecoder().decode(Vocabulary.self, from: JSONEncoder().encode(Vocabulary.cooling))

        #expect(decoded == .cooling)
    }
}
