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
        let utf8 = text.utf8
        var index = utf8.startIndex
        var depth = 0
        var inString = false
        var escaped = false
        var keyStart: String.Index?
        var key: Substring?
        var valueStart: String.Index?
        while index != utf8.endIndex {
            let byte = utf8[index]
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 1, key == nil, let start = keyStart {
                        key = text[text.index(after: start)..<index]
                    }
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""):
                    inString = true
                    if depth == 1, key == nil { keyStart = index }
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 1, let name = key, let start = valueStart {
                        members[name] = text[start..<index]
                    }
                    depth -= 1
                case UInt8(ascii: ":") where depth == 1:
                    valueStart = text.index(after: index)
                case UInt8(ascii: ",") where depth == 1:
                    if let name = key, let start = valueStart { members[name] = text[start..<index] }
                    key = nil
                    valueStart = nil
                default:
                    break
                }
            }
            index = utf8.index(after: index)
        }
        return members
    }
}
