/// Stable home ids: `home-` and 16 hex digits of a 64-bit FNV-1a hash of the cluster's
/// canonical key.
///
/// The canonical key is the smallest of the members' address matching keys, each followed by
/// its record key (two homes at one address that a human kept apart must not share an id); it
/// depends on the members only, never on the order they arrived in, so a replay gives the same
/// ids.
enum HomeIdentity {
    /// The id of a cluster of records.
    static func id(of records: [MappedRecord]) -> String {
        let key = records.map { "\($0.matchingKey ?? "")\n\($0.key)" }.min() ?? ""
        return "home-" + hash(key)
    }

    /// 64-bit FNV-1a of the UTF-8 bytes, as 16 lowercase hex digits.
    static func hash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
