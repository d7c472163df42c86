import Foundation

/// Encodes values as one line of compact JSON with sorted keys.
struct LineEncoder: Sendable {
    /// The JSON text of `value`; the scenario's own types always encode.
    func encodeLine<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            preconditionFailure("scenario values always encode: \(error)")
        }
    }
}
