/// Why an XML document could not be read, and where.
public struct XMLReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable kind of failure.
    public enum Code: String, Sendable, Equatable {
        /// The document has no content at all (no bytes, or only whitespace).
        case empty
        /// The document declares a DTD (`<!DOCTYPE …>`); DTDs and the entities they could
        /// declare are never processed.
        case documentTypeRefused
        /// The document is larger than the reader accepts.
        case tooLarge
        /// The document is not well-formed XML (including bytes that are not in its encoding).
        case notWellFormed
        /// The document ends (or breaks) while elements are still open: a cut file.
        case truncated
    }

    /// The kind of failure.
    public let code: Code
    /// What went wrong, for a human; never quotes more than a short excerpt of the input.
    public let reason: String
    /// The 1-based line of the failure, when known.
    public let line: Int?
    /// The 1-based column of the failure, when known.
    public let column: Int?

    /// Creates an error.
    public init(_ code: Code, reason: String, line: Int? = nil, column: Int? = nil) {
        self.code = code
        self.reason = reason
        self.line = line
        self.column = column
    }

    public var description: String {
        switch (line, column) {
        case (let line?, let column?): "line \(line), column \(column): \(reason)"
        case (let line?, nil): "line \(line): \(reason)"
        default: reason
        }
    }
}
