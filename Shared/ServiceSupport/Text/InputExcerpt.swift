/// A bounded excerpt of input quoted in an error or log line: a 50 MB line never makes a 50 MB
/// error text.
public enum InputExcerpt {
    /// The characters quoted when a caller names no limit.
    public static let standardLimit = 200

    /// `text` itself when it has at most `limit` characters, otherwise its first `limit`
    /// characters followed by `… (N bytes in all)`.
    public static func of(_ text: String, limit: Int = standardLimit) -> String {
        guard text.utf8.count > limit, text.count > limit else { return text }
        return "\(text.prefix(limit))… (\(text.utf8.count) bytes in all)"
    }
}
