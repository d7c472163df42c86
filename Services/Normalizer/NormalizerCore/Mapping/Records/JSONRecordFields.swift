import Foundation
import Schema

/// A JSON record read with dot paths (``Schema/JSONPath``): `address.city`, `$.price.value`,
/// `rooms[0].size`.
struct JSONRecordFields: RecordFields {
    private let root: JSONValue
    /// The paths a mapping reads, read once for all its records; others are read when asked.
    private let paths: [String: JSONPath]

    /// Parses a JSON payload, to be read at `paths` (by their text) or at any other path.
    init(payload: String, paths: [String: JSONPath]) throws(NormalizationError) {
        do {
            root = try JSONValue(parsing: payload)
        } catch {
            throw NormalizationError(.malformedPayload, reason: "the payload is not valid JSON", input: payload)
        }
        self.paths = paths
    }

    func text(at path: String) throws(NormalizationError) -> String? {
        guard let value = (paths[path] ?? JSONPath(path)).value(in: root) else { return nil }
        switch value {
        case .null:
            return nil
        case .array, .object:
            throw NormalizationError(.notAScalar, reason: "the path '\(path)' leads to an object or list")
        case .bool, .number, .string:
            return value.scalarText
        }
    }
}
