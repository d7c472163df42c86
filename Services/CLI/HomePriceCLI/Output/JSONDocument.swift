import Foundation
import Schema

/// The one JSON document a command prints with `--json`: the shared schema format (sorted
/// keys, ISO 8601 dates), indented for reading.
enum JSONDocument {
    /// `value` as indented JSON.
    ///
    /// - Throws: `EncodingError` when a number is not finite.
    static func text(_ value: some Encodable) throws -> String {
        let encoder = SchemaJSON.makeEncoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
