import Foundation

/// The text is not JSON, or a value read from it is malformed: an invalid escape or UTF-8
/// sequence in a string, a number without JSON form or out of range for the type asked for.
///
/// Thrown from inside a decode and turned into `JSONDecoder`'s
/// `DecodingError.dataCorrupted` with an empty coding path once it reaches
/// ``SchemaJSON/decode(_:from:)``, so, as with `JSONDecoder`, a `Decodable` that tries one
/// type after another (`try?`) moves on to the next.
struct InvalidJSON: Error {
    /// The error `JSONDecoder` reports for this failure.
    var decodingError: DecodingError {
        .dataCorrupted(.init(codingPath: [], debugDescription: "The given data was not valid JSON."))
    }
}
