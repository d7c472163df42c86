/// Why a token could not be read as the type asked for, before the coding path is known.
///
/// The readers of ``JSONTape`` throw this cheaply; the container that asked turns it into
/// the `DecodingError` `JSONDecoder` throws at the same place (see
/// ``TapeDecoder/error(_:expected:at:)``).
enum ValueFailure: Error {
    /// The value is `null`.
    case null
    /// The value is of another JSON kind, described as `JSONDecoder` does ("a string").
    case mismatch(found: String)
    /// The value is malformed (see ``InvalidJSON``).
    case invalid
}
