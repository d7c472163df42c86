import Schema

/// The top-level members of a JSON object the warehouse wrote, each as its key and the exact
/// text of its value.
///
/// The warehouse writes homes with one encoder (``Schema/SchemaJSON``, sorted keys), so two
/// versions of a member are equal exactly when their texts are: comparing texts tells which
/// fields changed without decoding either version.
enum StoredJSONMembers {
    /// The members of `text`, a JSON object, in order; empty for anything else.
    static func members(of text: String) -> [(key: Substring, value: Substring)] {
        var members: [(key: Substring, value: Substring)] = []
        forEachMember(of: text) { key, value in
            members.append((key, value))
            return true
        }
        return members
    }

    /// The keys of the top-level members whose values differ between the JSON objects `old`
    /// and `new` (present in one only, or with other texts, byte for byte), except `ignored`,
    /// sorted.
    static func changedKeys(from old: String, to new: String, ignoring ignored: String) -> [String] {
        let before = members(of: old)
        let after = members(of: new)
        var changed: [Substring] = []
        if isSorted(before), isSorted(after) {
            // Keys in byte order, as the warehouse's encoder writes them: one walk over both.
            var (left, right) = (before[...], after[...])
            while let first = left.first, let second = right.first {
                if first.key.utf8.elementsEqual(second.key.utf8) {
                    if !first.value.utf8.elementsEqual(second.value.utf8) { changed.append(first.key) }
                    left.removeFirst()
                    right.removeFirst()
                } else if precedes(first.key, second.key) {
                    changed.append(first.key)
                    left.removeFirst()
                } else {
                    changed.append(second.key)
                    right.removeFirst()
                }
            }
            changed += left.map(\.key) + right.map(\.key)
        } else {
            // Of a repeated key the last counts, as in a JSON parser.
            let earlier = Dictionary(before, uniquingKeysWith: { _, last in last })
            let later = Dictionary(after, uniquingKeysWith: { _, last in last })
            changed = Set(earlier.keys).union(later.keys).filter { key in
                guard let first = earlier[key], let second = later[key] else { return true }
                return !first.utf8.elementsEqual(second.utf8)
            }
        }
        return changed.filter { $0 != ignored }.map(String.init).sorted()
    }

    /// Whether `members`' keys strictly increase in byte order.
    private static func isSorted(_ members: [(key: Substring, value: Substring)]) -> Bool {
        zip(members, members.dropFirst()).allSatisfy { precedes($0.key, $1.key) }
    }

    private static func precedes(_ first: Substring, _ second: Substring) -> Bool {
        first.utf8.lexicographicallyPrecedes(second.utf8)
    }

    /// Calls `body` with each top-level member's key (without its quotes) and value text, in
    /// order, until it returns `false`. Scans the UTF-8 bytes in place: every structural
    /// character is ASCII, so a byte never starts one inside a multi-byte character.
    private static func forEachMember(of text: String, _ body: (Substring, Substring) -> Bool) {
        var text = text
        text.makeContiguousUTF8()
        let utf8 = text.utf8
        let start = utf8.startIndex
        func substring(_ range: Range<Int>) -> Substring {
            text[utf8.index(start, offsetBy: range.lowerBound)..<utf8.index(start, offsetBy: range.upperBound)]
        }
        _ = utf8.withContiguousStorageIfAvailable { bytes in
            var structure = JSONStructure()
            var keyStart: Int?
            var key: Range<Int>?
            var valueStart: Int?
            for offset in bytes.indices {
                let byte = bytes[offset]
                let depth = structure.depth
                switch structure.take(byte) {
                case .string:
                    if !structure.inString, depth == 1, key == nil, let start = keyStart { key = (start + 1)..<offset }
                case .stringStart:
                    if depth == 1, key == nil { keyStart = offset }
                case .close:
                    if depth == 1, let name = key, let start = valueStart, !body(substring(name), substring(start..<offset)) { return }
                case .other where depth == 1 && byte == UInt8(ascii: ":"):
                    valueStart = offset + 1
                case .other where depth == 1 && byte == UInt8(ascii: ","):
                    if let name = key, let start = valueStart, !body(substring(name), substring(start..<offset)) { return }
                    key = nil
                    valueStart = nil
                case .open, .other:
                    break
                }
            }
        }
    }
}
