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
/// Prefer ``SchemaMessage/encoded()`` and ``SchemaMessage/decode(from:)``. The factories
/// below return fresh instances for code that needs a `JSONEncoder` or `JSONDecoder` itself,
/// such as an HTTP framework's body coder; a fresh instance cannot be reconfigured behind
/// the back of other users.
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
            let text = try container.decode(String.self)
            guard let date = Timestamp.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription:
                        "Expected an ISO 8601 date-time such as 2024-05-01T12:00:00.000Z, found \"\(text)\"."
                )
            }
            return date
        }
        decoder.nonConformingFloatDecodingStrategy = .throw
        return decoder
    }

    /// The decoder behind ``SchemaMessage/decode(from:)``; never reconfigured after creation.
    static let sharedDecoder = makeDecoder()
}
