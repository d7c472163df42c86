import Foundation
import Schema

/// A JSON document as a value tree, decoded without losing what kind each value is.
enum JSONValue: Decodable, Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Parses a JSON document (with ``Schema/SchemaJSON/decode(_:from:)``, which reads it as
    /// `JSONDecoder` would, faster).
    static func parse(_ text: String) throws(NormalizationError) -> JSONValue {
        do {
            return try SchemaJSON.decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            throw NormalizationError(.malformedPayload, reason: "the payload is not valid JSON", input: text)
        }
    }

    /// A scalar as text: whole numbers without a fraction (`1990`, not `1990.0`); `nil` for
    /// `null`, objects and lists.
    var scalarText: String? {
        switch self {
        case .string(let text): text
        case .bool(let value): value ? "true" : "false"
        case .number(let value) where value.rounded() == value && abs(value) < 1e15: String(Int64(value))
        case .number(let value): String(value)
        case .null, .array, .object: nil
        }
    }
}
