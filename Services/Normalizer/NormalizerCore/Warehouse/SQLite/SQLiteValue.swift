/// A value bound to or read from a SQLite statement.
enum SQLiteValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case text(String)

    /// The text, if the value is text.
    var text: String? {
        if case .text(let text) = self { text } else { nil }
    }

    /// The integer, if the value is one.
    var integer: Int64? {
        if case .integer(let value) = self { value } else { nil }
    }
}
