import Crypto
import Foundation

/// Where an artifact is stored and the SHA-256 its bytes must hash to.
///
/// Artifacts are content-addressed: the file name in the store is the hash, so the same bytes
/// always get the same reference. ``ModelEvent/artifactURI`` and ``ModelEvent/artifactSHA256``
/// carry one across the `models.registry` topic.
public struct ArtifactReference: Codable, Sendable, Hashable {
    /// The SHA-256 of the artifact's bytes, 64 lowercase hexadecimal digits.
    public var sha256: String
    /// The artifact's `file://` URI inside the store.
    public var uri: URL

    /// Creates a reference.
    public init(sha256: String, uri: URL) {
        self.sha256 = sha256
        self.uri = uri
    }

    /// The SHA-256 of `data` as 64 lowercase hexadecimal digits.
    public static func sha256(of data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in SHA256.hash(data: data) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Whether `text` has the form of a SHA-256 address: 64 lowercase hexadecimal digits.
    public static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
