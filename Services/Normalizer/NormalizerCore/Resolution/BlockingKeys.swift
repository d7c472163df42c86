/// The blocks a record is compared within: only records sharing a block are scored.
///
/// Two blocks per record with a street address: its postal code (or city) and its normalised
/// street with house number, both within the country. A record without a street address has no
/// blocks and stays a home of its own.
enum BlockingKeys {
    /// The blocking keys of a record.
    static func keys(of record: MappedRecord) -> [String] {
        guard let key = record.matchingKey else { return [] }
        let parts = key.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 5 else { return [] }
        var keys: [String] = []
        if !parts[1].isEmpty { keys.append("place:\(parts[0])|\(parts[1])") }
        if !parts[2].isEmpty { keys.append("street:\(parts[0])|\(parts[2])|\(parts[3])") }
        return keys
    }
}
