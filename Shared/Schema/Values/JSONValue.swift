import Foundation

/// Any JSON document, held as a value that keeps what kind each value is: a source's record
/// payload read by paths (``JSONPath``), a model card's fitted feature parameters, a raw record
/// inside a prediction request.
///
/// Numbers are `Double`s: integers beyond 2⁵³ lose precision. Decoded by
/// ``SchemaJSON/decode(_:from:)``, a document is built straight from the scanned tokens; any
/// other decoder reads it through `Decodable`'s containers, with the same result.
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

    /// Parses the JSON document `text`.
    ///
    /// - Throws: `DecodingError` when `text` is not JSON.
    public init(parsing text: String) throws {
        self = try SchemaJSON.decode(JSONValue.self, from: Data(text.utf8))
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

    /// A scalar as text: strings as they are, whole numbers without a fraction (`1990`, not
    /// `1990.0`; every digit up to 2⁵³), `true` and `false`; `nil` for `null`, objects and arrays.
    public var scalarText: String? {
        switch self {
        case .string(let text): text
        case .bool(let value): value ? "true" : "false"
        case .number(let value) where value.rounded() == value && abs(value) <= Self.largestExactInteger: String(Int64(value))
        case .number(let value): String(value)
        case .null, .array, .object: nil
        }
    }

    /// The largest whole number a `.number` holds exactly, 2⁵³: past it, neighbouring integers
    /// read from a document become one (see ``JSONPath/literal(in:)``).
    public static let largestExactInteger: Double = 9_007_199_254_740_992
}
