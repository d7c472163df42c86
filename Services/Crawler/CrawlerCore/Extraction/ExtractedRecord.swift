/// A listing read out of a page.
struct ExtractedRecord: Sendable, Equatable {
    var recordId: String
    var payload: String
    var contentType: String

    /// A stable hash of the payload (FNV-1a, hex): equal payloads mean an unchanged listing.
    var hash: String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in payload.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return String(hash, radix: 16)
    }
}
