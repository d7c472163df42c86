import Foundation
import Schema

/// What decoding gave, in a form two decoders' results can be compared by: the value, or
/// the error's case, expected type and coding path.
enum DecodingOutcome<Value: Decodable & Equatable>: Equatable, CustomStringConvertible {
    case value(Value)
    case failure(String)

    /// Decodes `type` from `data` with ``SchemaJSON/decode(_:from:)`` (`fast`) or with
    /// `JSONDecoder` as ``SchemaJSON/makeDecoder()`` configures it.
    init(_ type: Value.Type, _ data: Data, fast: Bool) {
        do {
            let value = fast ? try SchemaJSON.decode(type, from: data) : try SchemaJSON.makeDecoder().decode(type, from: data)
            self = .value(value)
        } catch let error as DecodingError {
            self = .failure(Self.describe(error))
        } catch {
            self = .failure("other: \(error)")
        }
    }

    /// Whether this is a failure.
    var failed: Bool {
        if case .failure = self { return true }
        return false
    }

    var description: String {
        switch self {
        case .value(let value): "value \(String(reflecting: value))"
        case .failure(let text): "failure \(text)"
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { "\($0.stringValue)|\($0.intValue.map(String.init) ?? "-")" }.joined(separator: "/")
        }
        switch error {
        case .typeMismatch(let type, let context): return "typeMismatch \(type) at \(path(context))"
        case .valueNotFound(let type, let context): return "valueNotFound \(type) at \(path(context))"
        case .keyNotFound(let key, let context): return "keyNotFound \(key.stringValue) at \(path(context))"
        case .dataCorrupted(let context): return "dataCorrupted at \(path(context))"
        @unknown default: return "unknown \(error)"
        }
    }
}
