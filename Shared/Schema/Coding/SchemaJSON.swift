import Foundation

/// The one JSON configuration every HomePrice service and client uses.
///
/// - Keys are sorted and slashes are not escaped, so the same message always encodes to
///   the same bytes.
/// - Dates are ISO 8601 strings in UTC with exactly three fractional digits, for example
///   `"2024-05-01T12:00:00.250Z"`. Encoding rounds to the nearest millisecond; decoding also
///   accepts no fraction or one to nine fractional digits, and a numeric UTC offset (`+02:00`).
/// - Optional fields that are `nil` are omitted; `null` is accepted when decoding.
/// - Non-finite numbers (`nan`, `inf`) cannot be encoded.
///
/// Prefer ``SchemaMessage/encoded()`` and ``SchemaMessage/decode(from:)``, and
/// ``decode(_:from:)`` for other `Decodable` types: it reads this format several times
/// faster than `JSONDecoder`. The factories below return fresh instances for code that needs
/// a `JSONEncoder` or `JSONDecoder` itself, such as an HTTP framework's body coder; a fresh
/// instance cannot be reconfigured behind the back of other users.
public enum SchemaJSON {
    /// Returns a new Foundation encoder configured with the shared format, for code that needs
    /// a `JSONEncoder` itself; ``SchemaJSONEncoder`` writes the same bytes faster.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.string(from: date))
        }
        encoder.nonConformingFloatEncodingStrategy = .throw
        return encoder
    }

    /// Returns a new decoder configured with the shared format.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            return try date(fromTimestamp: container.decode(String.self), codingPath: container.codingPath)
        }
        decoder.nonConformingFloatDecodingStrategy = .throw
        return decoder
    }

    /// Parses the ``Timestamp`` text of the date at `codingPath`.
    ///
    /// - Throws: `DecodingError.dataCorrupted` at `codingPath` when `text` is not a date-time.
    static func date(fromTimestamp text: String, codingPath: [any CodingKey]) throws -> Date {
        var text = text
        let canonical = text.withUTF8 { Timestamp.canonicalDate(from: $0) }
        guard let date = canonical ?? Timestamp.date(from: text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: codingPath,
                    debugDescription: "Expected an ISO 8601 date-time such as 2024-05-01T12:00:00.000Z, found \"\(text)\"."
                ))
        }
        return date
    }
}
