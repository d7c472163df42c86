import Foundation
import Testing

@testable import Sources

@Suite("A JSON record's id")
struct JSONRecordParserTests {
    private static func outcome(_ text: String, idPath: String = "id") -> ParseOutcome {
        JSONRecordParser(recordIdPath: idPath).parse(text, location: "feed.jsonl:3")
    }

    private static func id(_ text: String, idPath: String = "id") -> String? {
        guard case .record(let record) = outcome(text, idPath: idPath) else { return nil }
        return record.recordId
    }

    private static func failure(_ text: String, idPath: String = "id") -> RecordFailure? {
        guard case .failure(let failure) = outcome(text, idPath: idPath) else { return nil }
        return failure
    }

    @Test(
        "strings, whole numbers and nested paths give the id as written",
        arguments: [
            (#"{"id": "A-17"}"#, "id", "A-17"), (#"{"id": 12345}"#, "id", "12345"),
            (#"{"objekt": {"nummer": 9001}}"#, "objekt.nummer", "9001"), (#"{"items": [{"id": "x"}]}"#, "$.items[0].id", "x"),
            (#"{"id": 4503599627370497}"#, "id", "4503599627370497"),
        ])
    func ids(text: String, path: String, expected: String) {
        #expect(Self.id(text, idPath: path) == expected)
    }

    @Test("numeric ids past 2^53 keep every digit, so neighbouring ids stay two records")
    func longNumericIds() {
        #expect(Self.id(#"{"id": 1234567890123456789}"#) == "1234567890123456789")
        #expect(Self.id(#"{"id": 1234567890123456788}"#) == "1234567890123456788")
        #expect(Self.id(#"{"listing": {"id": -9007199254740993}}"#, idPath: "listing.id") == "-9007199254740993")
    }

    @Test("text that is not JSON names where it breaks (as Foundation reads it); a number no double holds is refused too")
    func invalidJSON() throws {
        let cut = try #require(Self.failure(#"{"id": "A-17", "price": "#))
        #expect(cut.code == "ingestion.invalidJSON")
        #expect(cut.message.hasPrefix("feed.jsonl:3 is not valid JSON: "))
        #expect(cut.message.contains("end of file"), "\(cut.message)")
        let garbled = try #require(Self.failure(#"{"id": "A-17", "price": x}"#))
        #expect(garbled.code == "ingestion.invalidJSON")
        #expect(garbled.message.contains("around character 24"), "\(garbled.message)")
        let huge = try #require(Self.failure(#"{"id": "A-17", "area": 1e400}"#))
        #expect(huge.code == "ingestion.invalidJSON")
        #expect(!huge.message.contains("Swift.Dictionary"), "\(huge.message)")
    }

    @Test("a document that is not an object, or has no id, is refused with its reason")
    func notARecord() throws {
        #expect(Self.failure("[1, 2]")?.code == "ingestion.notAnObject")
        #expect(Self.failure("42")?.code == "ingestion.notAnObject")
        let missing = try #require(Self.failure(#"{"ref": "A-17"}"#))
        #expect(missing.code == "ingestion.missingRecordId")
        #expect(missing.field == "id")
        #expect(Self.failure(#"{"id": ""}"#)?.code == "ingestion.missingRecordId")
        #expect(Self.failure(#"{"id": {"value": 3}}"#)?.code == "ingestion.missingRecordId")
    }
}
