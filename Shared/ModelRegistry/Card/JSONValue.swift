import Foundation
import Schema

/// Any JSON document, held as a value: the model card keeps the fitted feature parameters in
/// one, so the card's format does not change with the parameters' Swift type.
///
/// Numbers are `Double`s: integers beyond 2⁵³ lose precision.
public enum JSONValue: Codable, Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object.
    case object([String: JSONValue])

    /// The JSON document `value` encodes to (with the shared schema JSON format).
    ///
    /// - Throws: ``RegistryError/Code/invalidDocument`` when `value` cannot be encoded.
    public init(encoding value: some Encodable) throws(RegistryError) {
        do {
            let data = try SchemaJSON.makeEncoder().encode(value)
            self = try SchemaJSON.makeDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw RegistryError(.invalidDocument, reason: "cannot encode as JSON: \(error)", input: "\(type(of: value))")
        }
    }

    /// The document decoded as `type`.
    ///
    /// - Throws: ``RegistryError/Code/invalidDocument`` when the document is not a `type`.
    public func decode<Value: Decodable>(as type: Value.Type) throws(RegistryError) -> Value {
        do {
            let data = try SchemaJSON.makeEncoder().encode(self)
            return try SchemaJSON.makeDecoder().decode(type, from: data)
        } catch {
            throw RegistryError(.invalidDocument, reason: "cannot decode the JSON document: \(error)", input: "\(type)")
        }
    }

    /// Reads any JSON value.
    public init(from decoder: any Decoder) throws {
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

    /// Writes the value as JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
