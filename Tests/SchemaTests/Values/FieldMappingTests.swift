import Foundation
import Schema
import Testing

@Suite("Field mappings")
struct FieldMappingTests {
    @Test("The default value is written under the JSON key default")
    func defaultValueUsesTheDefaultKey() throws {
        let mapping = FieldMapping(path: "Heizung", defaultValue: "unknown")
        let data = try SchemaJSON.makeEncoder().encode(mapping)
        #expect(String(decoding: data, as: UTF8.self) == #"{"default":"unknown","path":"Heizung"}"#)
        #expect(try SchemaJSON.makeDecoder().decode(FieldMapping.self, from: data) == mapping)
    }
}
