import Foundation
import Schema
import Testing

@Suite("Shared JSON format")
struct SchemaJSONTests {
    private struct Stamp<Value: Codable>: Codable {
        var at: Value
    }

    private func encodedDate(_ date: Date) throws -> String {
        let data = try SchemaJSON.makeEncoder().encode(Stamp(at: date))
        return try JSONDecoder().decode(Stamp<String>.self, from: data).at
    }

    private func decodedDate(_ text: String) throws -> Date {
        let data = try JSONEncoder().encode(Stamp(at: text))
        return try SchemaJSON.makeDecoder().decode(Stamp<Date>.self, from: data).at
    }

    @Test("Dates are written as UTC ISO 8601 with milliseconds")
    func datesAreWrittenWithMilliseconds() throws {
        #expect(try encodedDate(Samples.date) == "2024-05-01T12:00:00.250Z")
        #expect(try encodedDate(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    }

    @Test("Dates round to the nearest millisecond")
    func datesRoundToTheNearestMillisecond() throws {
        #expect(try encodedDate(Date(timeIntervalSince1970: 1.0006)) == "1970-01-01T00:00:01.001Z")
        #expect(try encodedDate(Date(timeIntervalSince1970: 1.9996)) == "1970-01-01T00:00:02.000Z")
        #expect(try encodedDate(Date(timeIntervalSince1970: -1.5)) == "1969-12-31T23:59:58.500Z")
    }

    @Test("Every millisecond value survives decode then encode unchanged")
    func millisecondTextIsStable() throws {
        for millisecond in 0..<1000 {
            let digits = String(millisecond)
            let text = "2024-05-01T12:00:00.\(String(repeating: "0", count: 3 - digits.count))\(digits)Z"
            #expect(try encodedDate(decodedDate(text)) == text)
        }
    }

    @Test("Dates without a fraction, with more digits or with an offset are accepted")
    func lenientDateForms() throws {
        #expect(try decodedDate("2024-05-01T12:00:00Z") == Date(timeIntervalSince1970: 1_714_564_800))
        #expect(try decodedDate("2024-05-01T12:00:00.25Z") == Samples.date)
        #expect(try decodedDate("2024-05-01T12:00:00.250000001Z") == Samples.date)
        #expect(try decodedDate("2024-05-01T14:00:00.250+02:00") == Samples.date)
    }

    @Test(
        "Dates that are not full ISO 8601 date-times are rejected",
        arguments: ["2024-05-01", "1990 May", "2024-05-01T12:00:00.Z", "2024-05-01T12:00:00Z.5", ""])
    func malformedDatesAreRejected(text: String) throws {
        #expect(throws: DecodingError.self) { try decodedDate(text) }
    }

    @Test("Output has sorted keys and unescaped slashes")
    func outputIsStable() throws {
        let text = String(decoding: try Samples.rawRecord.encoded(), as: UTF8.self)
        #expect(text.hasPrefix(#"{"contentType":"application/json","fetchedAt":"#))
        #expect(text.contains(#""url":"https://listings.example.com/homes/z-48213""#))
        #expect(try Samples.rawRecord.encoded() == Samples.rawRecord.encoded())
    }
}
