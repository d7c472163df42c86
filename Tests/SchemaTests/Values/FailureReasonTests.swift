import Foundation
import Schema
import Testing

@Suite("Failure reasons")
struct FailureReasonTests {
    @Test("A schema error becomes a namespaced dead-letter reason naming the field")
    func schemaErrorBecomesAReason() throws {
        var json = try JSONValue(encoding: Samples.home)
        json["price"]?["amount"] = nil
        let error = try #require(throws: SchemaError.self) { try Home.decode(from: json.data()) }
        let reason = FailureReason(error)
        #expect(reason.code == "schema.missingField")
        #expect(reason.field == "price.amount")
        #expect(reason.message == error.reason)
    }
}
