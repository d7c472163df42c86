/// The blocks a record is compared within: only records sharing a block are scored.
///
/// Two blocks per record with a street address, both within the country: its postal code (or
/// city) with its house number, which finds the same home with a misspelt street, and its
/// normalised street with house number. Both carry the house number: records with different
/// numbers can neither merge nor become a review task (``RecordSimilarity``), and a block of a
/// whole postal code would grow with the warehouse (thousands of homes share a code), making
/// every new record slower than the last. A record without a street address has no blocks and
/// stays a home of its own.
public enum BlockingKeys {
    /// The version of the key scheme: a warehouse whose blocks were written under another one
    /// rebuilds them when it opens.
    public static let version = 2

    /// The blocking keys of a record.
    public static func keys(of record: MappedRecord) -> [String] {
        guard let key = record.matchingKey else { return [] }
        let parts = key.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 5 else { return [] }
        var keys: [String] = []
        if !parts[1].isEmpty, !parts[3].isEmpty { keys.append("place:\(parts[0])|\(parts[1])|\(parts[3])") }
        if !parts[2].isEmpty { keys.append("street:\(parts[0])|\(parts[2])|\(parts[3])") }
        return keys
    }
}
