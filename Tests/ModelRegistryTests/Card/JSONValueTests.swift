import Foundation
import ModelRegistry
import Schema
import Testing

@Suite("Opaque JSON documents")
struct JSONValueTests {
    private struct Parameters: Codable, Equatable {
        var medians: [String: Double]
        var levels: [String]
        var clip: Bool
        var note: String?
    }

    @Test("A Codable value becomes a JSON document and decodes back")
    func roundTrip() throws {
        let parameters = Parameters(medians: ["area": 95.5, "rooms": 3], levels: ["house", "flat"], clip: true, note: nil)
        let document = try JSONValue(encoding: parameters)
        #expect(
            document
                == .object([
                    "medians": .object(["area": .number(95.5), "rooms": .number(3)]),
                    "levels": .array([.string("house"), .string("flat")]), "clip": .bool(true),
                ]))
        #expect(try document.decode(as: Parameters.self) == parameters)
    }

    @Test("Booleans, numbers and null stay distinct")
    func scalars() throws {
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(#"[true, 1, 0, null, "1"]"#.utf8))
        #expect(decoded == .array([.bool(true), .number(1), .number(0), .null, .string("1")]))
    }

    @Test("A document of another shape does not decode")
    func wrongShape() throws {
        let error = try #require(throws: RegistryError.self) { try JSONValue.string("x").decode(as: Parameters.self) }
        #expect(error.code == .invalidDocument)
    }
}
