import Foundation
import Schema
import Testing

@testable import Sources

/// Files in the shapes exports take: a spreadsheet's CSV with a byte order mark, a JSON array
/// with a BOM, an array with one broken element, an array cut short.
@Suite("Reading an input file")
struct RecordFileReaderTests {
    private static let bom = "\u{FEFF}"

    private static func read(_ text: String, format: RecordFormat, idPath: String) -> [ParseOutcome] {
        RecordFileReader(format: format, recordIdPath: idPath).read(Data(text.utf8), name: "input")
    }

    private static func ids(_ outcomes: [ParseOutcome]) -> [String] {
        outcomes.compactMap { if case .record(let record) = $0 { record.recordId } else { nil } }
    }

    private static func failures(_ outcomes: [ParseOutcome]) -> [RecordFailure] {
        outcomes.compactMap { if case .failure(let failure) = $0 { failure } else { nil } }
    }

    @Test("a CSV export starting with a byte order mark reads like one without")
    func csvWithByteOrderMark() {
        let csv = "PARCEL_ID,SITE_ADDRESS,SALE_PRICE\r\nP1,1 Elm St,200000\r\nP2,2 Elm St,210000\r\n"
        let plain = Self.read(csv, format: .csv, idPath: "PARCEL_ID")
        let marked = Self.read(Self.bom + csv, format: .csv, idPath: "PARCEL_ID")
        #expect(Self.ids(marked) == ["P1", "P2"])
        #expect(marked == plain, "the same payloads, without the mark in the header")
    }

    @Test("JSON lines and a JSON array starting with a byte order mark read like ones without")
    func jsonWithByteOrderMark() {
        #expect(Self.ids(Self.read(Self.bom + "{\"id\": \"A\"}\n{\"id\": \"B\"}\n", format: .json, idPath: "id")) == ["A", "B"])
        let array = "[{\"id\": \"A\"}, {\"id\": \"B\"}]"
        let marked = Self.read(Self.bom + array, format: .json, idPath: "id")
        #expect(Self.ids(marked) == ["A", "B"] && Self.failures(marked).isEmpty)
    }

    @Test("an array with one broken element gives the others as records and that one as a failure of its own")
    func arrayWithABrokenElement() throws {
        let text = """
            [
              {"id": "G1", "note": "commas, [brackets] and \\"quotes\\" inside strings"},
              {"id": "G2", "price": 12O000},
              {"id": "G3", "nested": {"rooms": [1, 2]}}
            ]
            """
        let outcomes = Self.read(text, format: .json, idPath: "id")
        #expect(Self.ids(outcomes) == ["G1", "G3"])
        let failures = Self.failures(outcomes)
        #expect(failures.map(\.location) == ["input#2"] && failures.map(\.code) == ["ingestion.invalidJSON"])
        #expect(failures.first?.text.contains("12O000") == true)
        guard case .record(let first) = try #require(outcomes.first) else {
            Issue.record("the first element is no record: \(outcomes)")
            return
        }
        #expect(first.payload.hasPrefix("{\"id\": \"G1\"") && first.location == "input#1", "the element as written")
    }

    @Test("an empty element (two commas in a row, a trailing comma) fails in its place; the numbers stay the elements'")
    func emptyElements() {
        let outcomes = Self.read("[{\"id\": \"A\"},, {\"id\": \"B\"},]", format: .json, idPath: "id")
        #expect(Self.ids(outcomes) == ["A", "B"])
        #expect(Self.failures(outcomes).map(\.location) == ["input#2", "input#4"])
    }

    @Test("an array cut short keeps its complete elements, and the cut is a failure")
    func arrayCutShort() {
        let outcomes = Self.read("[{\"id\": \"A\"}, {\"id\": \"B\"}, {\"id\": \"C\", \"pri", format: .json, idPath: "id")
        #expect(Self.ids(outcomes) == ["A", "B"])
        #expect(Self.failures(outcomes).map(\.location) == ["input#3", "input#4"])
        #expect(Self.failures(outcomes).last?.message.contains("not closed") == true)
    }

    @Test("text after an array's closing bracket is a failure; the elements are records")
    func textAfterTheArray() {
        let outcomes = Self.read("[{\"id\": \"A\"}]\n{\"id\": \"B\"}\n", format: .json, idPath: "id")
        #expect(Self.ids(outcomes) == ["A"])
        #expect(Self.failures(outcomes).map(\.message).first?.contains("after the array") == true)
    }
}
