/// How a dead letter's original payload is stored in its string field.
public enum PayloadEncoding: String, Codable, Sendable, CaseIterable {
    /// The original bytes were valid UTF-8 and are stored as that text.
    case utf8

    /// The original bytes were not UTF-8 and are stored Base64-encoded.
    case base64
}
