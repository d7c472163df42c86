/// FNV-1a over UTF-8, as hex: a hash that is the same in every process and on every machine,
/// for what the crawl journal compares across runs (records, extraction rules).
enum StableHash {
    /// The hash of `text`.
    static func of(_ text: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return String(hash, radix: 16)
    }
}
