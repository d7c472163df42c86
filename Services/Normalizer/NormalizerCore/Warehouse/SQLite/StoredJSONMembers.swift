/// The top-level members of a JSON object the warehouse wrote, each as its key and the exact
/// text of its value.
///
/// The warehouse writes homes with one encoder (``Schema/SchemaJSON``, sorted keys), so two
/// versions of a member are equal exactly when their texts are: comparing texts tells which
/// fields changed without decoding either version.
enum StoredJSONMembers {
    /// The members of `text`, a JSON object; empty for anything else.
    static func members(of text: String) -> [Substring: Substring] {
        var members: [Substring: Substring] = [:]
        forEachMember(of: text) { key, value in
            members[key] = value
            return true
        }
        return members
    }

    /// The text of the value of the top-level member `key` of `text`, a JSON object; `nil`
    /// when it has none.
    static func value(of key: String, in text: String) -> Substring? {
        var found: Substring?
        forEachMember(of: text) { name, value in
            guard name == key else { return true }
            found = value
            return false
        }
        return found
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
            var depth = 0
            var inString = false
            var escaped = false
            var keyStart: Int?
            var key: Range<Int>?
            var valueStart: Int?
            for offset in bytes.indices {
                let byte = bytes[offset]
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                        if depth == 1, key == nil, let start = keyStart { key = (start + 1)..<offset }
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""):
                    inString = true
                    if depth == 1, key == nil { keyStart = offset }
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 1, let name = key, let start = valueStart, !body(substring(name), substring(start..<offset)) { return }
                    depth -= 1
                case UInt8(ascii: ":") where depth == 1:
                    valueStart = offset + 1
                case UInt8(ascii: ",") where depth == 1:
                    if let name = key, let start = valueStart, !body(substring(name), substring(start..<offset)) { return }
                    key = nil
                    valueStart = nil
                default:
                    break
                }
            }
        }
    }
}
