/// A failure of the model registry: storing or reading an artifact, reading a card, building a
/// training reference, evaluating the validation gate or moving an alias.
///
/// Like every HomePrice error it carries a stable ``code``, a human ``reason`` and the
/// ``input`` it concerns (a file, a URI, a model version, a feature).
public struct RegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed; the raw value is stable and safe to match on and to log.
    public enum Code: String, Sendable, Equatable {
        /// An artifact's bytes do not hash to the SHA-256 they were addressed by.
        case checksumMismatch
        /// No artifact is stored under the requested address.
        case artifactNotFound
        /// A URI does not name an artifact inside the store's folder.
        case invalidArtifactURI
        /// A file could not be read or written.
        case storageFailed
        /// A model card or an opaque JSON document could not be encoded or decoded.
        case invalidDocument
        /// A data set's features do not match the model's.
        case featureMismatch
        /// The validation gate's inputs or settings are inconsistent.
        case invalidGateInput
        /// A model version is not in the registry.
        case unknownVersion
        /// An alias move is not allowed from the current state.
        case invalidTransition
    }

    /// What failed.
    public let code: Code
    /// Why, for a person.
    public let reason: String
    /// The file, URI, version or feature concerned.
    public let input: String?

    /// Creates an error.
    public init(_ code: Code, reason: String, input: String? = nil) {
        self.code = code
        self.reason = reason
        self.input = input
    }

    /// `registry <code>: <reason> [<input>]`.
    public var description: String {
        if let input { "registry \(code.rawValue): \(reason) [\(input)]" } else { "registry \(code.rawValue): \(reason)" }
    }
}
