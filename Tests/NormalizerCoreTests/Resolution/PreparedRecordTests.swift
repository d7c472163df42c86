import Foundation
import NormalizerCore
import Schema
import Testing

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
