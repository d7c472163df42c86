import Foundation
import Schema

/// Decodes request bodies strictly: invalid JSON, an unknown field, a wrong type or a failed
/// check becomes a ``ServerError/Code/invalidRequest`` naming the field path
/// (`homes[2].livingArea`).
enum StrictJSON {
    /// Decodes `Body` from `data`.
    static func decode<Body: Decodable>(_ type: Body.Type, from data: Data) throws(ServerError) -> Body {
        do {
            return try SchemaJSON.decode(Body.self, from: data)
        } catch let error as DecodingError {
            throw ServerError(error)
        } catch {
            throw ServerError(.invalidRequest, reason: "the body is not valid JSON: \(error)")
        }
    }

    /// The field path of `codingPath`: `homes[2].livingArea`.
    static func path(_ codingPath: [any CodingKey]) -> String? {
        var path = ""
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return path.isEmpty ? nil : path
    }
}

extension ServerError {
    /// The request error a `DecodingError` describes, naming its field.
    init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(.invalidRequest, reason: "the required field is missing", field: StrictJSON.path(context.codingPath + [key]))
        case .valueNotFound(_, let context):
            self.init(.invalidRequest, reason: "the field must not be null", field: StrictJSON.path(context.codingPath))
        case .typeMismatch(let type, let context):
            self.init(.invalidRequest, reason: "expected \(Self.jsonKind(type))", field: StrictJSON.path(context.codingPath))
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { " (\($0.localizedDescription))" } ?? ""
            let reason =
                context.codingPath.isEmpty && context.underlyingError != nil ? "the body is not valid JSON" : context.debugDescription
            self.init(
                .invalidRequest, reason: reason + (context.codingPath.isEmpty ? underlying : ""), field: StrictJSON.path(context.codingPath)
            )
        @unknown default:
            self.init(.invalidRequest, reason: "\(error)")
        }
    }

    private static func jsonKind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}

/// Any object key, for checking the keys a body holds.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Decoder {
    /// Refuses an object holding a key outside `allowed`, naming it.
    func rejectUnknownFields(allowed: Set<String>) throws {
        let container = try container(keyedBy: AnyKey.self)
        if let unknown = container.allKeys.lazy.map(\.stringValue).filter({ !allowed.contains($0) }).min() {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: codingPath + [AnyKey(unknown)],
                    debugDescription: "unknown field; known: \(allowed.sorted().joined(separator: ", "))"))
        }
    }

    /// A failed check of the field `key` of this object.
    func invalid(_ key: String, _ reason: String) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: codingPath + [AnyKey(key)], debugDescription: reason))
    }
}
