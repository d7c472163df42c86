import Foundation
import NormalizerCore
import Testing

@testable import Schema

@Suite("Prepared records")
struct PreparedRecordTests {
    private func record(livingArea: Double) -> MappedRecord {
        MappedRecord(
            sourceId: "us-county-sales", recordId: "r-1", region: "US", fetchedAt: Date(timeIntervalSince1970: 1_780_000_000),
            fields: [
                "address.street": FieldValue(.text("main st"), raw: "Main St"), "address.houseNumber": FieldValue(.text("12"), raw: "12"),
                "address.postalCode": FieldValue(.text("62704"), raw: "62704"), "livingArea": FieldValue(.number(livingArea), raw: "x"),
            ],
            matchingKey: "US|62704|main st|12|")
    }

    @Test("a prepared record carries its own blocks, unique and sorted, and the JSON that decodes back to it")
    func blocksAndJSON() throws {
        let mapped = record(livingArea: 120)
        let prepared = try PreparedRecord(mapped)
        #expect(prepared.blockingKeys == Set(BlockingKeys.keys(of: mapped)).sorted())
        #expect(!prepared.blockingKeys.isEmpty)
        #expect(try SchemaJSON.decode(MappedRecord.self, from: Data(prepared.json.utf8)) == mapped)
        #expect(try PreparedRecord(mapped, blockingKeys: ["b", "a", "b"]).blockingKeys == ["a", "b"])
    }

    @Test("a record's JSON is written directly exactly as Foundation's encoder writes it, every kind of value included")
    func jsonWrittenDirectlyAsFoundationWritesIt() throws {
        let texts = ["", "Müller-Straße 5 – ½", "\"quoted\" \\ back", "tab\tnew\nline\u{1}", "😀", "1,850 sq ft"]
        let values: [CanonicalValue] = [
            .text("main st"), .integer(0), .integer(-3), .number(171.93), .number(-0.5), .number(1e20),
            .money(Money(amount: 612_000.5, currency: "USD")),
        ]
        for index in 0..<200 {
            var mapped = record(livingArea: Double(index) / 7)
            mapped.fields["unmapped.heating"] = FieldValue(values[index % values.count], raw: texts[index % texts.count])
            mapped.fields[texts[(index / 6) % texts.count]] = FieldValue(values[(index / 7) % values.count], raw: "x")
            mapped.matchingKey = index % 3 == 0 ? nil : texts[index % texts.count]
            mapped.fetchedAt = Date(timeIntervalSince1970: 1_780_000_000 + Double(index) * 86_400.125)
            let expected = try SchemaJSON.makeEncoder().encode(mapped)
            #expect(try PreparedRecord(mapped).json == String(decoding: expected, as: UTF8.self))
        }
        let output = JSONOutput()
        #expect(record(livingArea: 1).write(to: SchemaJSONWriter(output: output)), "written by its own writer, not through Codable")
        #expect(Data(output.bytes) == (try SchemaJSON.makeEncoder().encode(record(livingArea: 1))))
    }

    @Test("a price that is not a finite number rejects the record naming the price field")
    func unencodableMoneyIsAReject() throws {
        var mapped = record(livingArea: 1)
        mapped.fields["price"] = FieldValue(.money(Money(amount: .infinity, currency: "USD")), raw: "x")
        #expect {
            try PreparedRecord(mapped)
        } throws: { error in
            (error as? NormalizationError)?.field?.contains("price") == true
        }
    }

    @Test("a mapped value with no JSON form rejects the record, naming it and the field, instead of failing its batch")
    func unencodableValueIsAReject() throws {
        #expect {
            try PreparedRecord(record(livingArea: .nan))
        } throws: { error in
            guard let error = error as? NormalizationError else { return false }
            return error.code == .unparseableField && error.record == "us-county-sales/r-1" && error.field?.contains("livingArea") == true
        }
    }
}
