import Foundation

/// An invalid feed page that was dead-lettered: its cursor and a hash of its bytes. The same
/// bytes at the same cursor are not reported again; a changed page is read afresh.
public struct FeedRejection: Codable, Sendable, Equatable {
    /// The cursor the page was requested with (`nil` for the first page).
    public var cursor: String?
    /// The FNV-1a hash of the page's bytes, in hexadecimal.
    public var contentHash: String

    /// The rejection of `data`, served at `cursor`.
    public init(cursor: String?, data: Data) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        self.cursor = cursor
        contentHash = String(hash, radix: 16)
    }
}
