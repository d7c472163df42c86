import Schema
import ServiceSupport

/// Why the normalizer could not turn a raw record, or one of its fields, into canonical form.
///
/// Parsers throw ``ParseError``; mapping, resolution, storage and the pipeline throw this
/// type, which names the record and the canonical field involved and converts into the
/// ``Schema/FailureReason`` of a dead letter with ``failureReason``.
public struct NormalizationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable, machine-readable kind of failure; the raw value follows `normalizer.` in a
    /// dead letter's reason code. Never rename one.
    public enum Code: String, Sendable, Equatable, CaseIterable {
        /// A field's text could not be read by its parser.
        case unparseableField
        /// A field was read but its value is impossible (negative, out of range, in the future).
        case impossibleValue
        /// A field every home needs is absent.
        case missingField
        /// A path found an object or list where a single value was expected.
        case notAScalar
        /// The payload is not a valid document of the source's format.
        case malformedPayload
        /// The record's source has no mapping.
        case unknownSource
        /// The record's region is not one the parsers understand.
        case unsupportedRegion
        /// The source's record format cannot be read by the normalizer.
        case unsupportedFormat
        /// The message was written with a schema version this build cannot read.
        case unsupportedSchemaVersion
        /// The message is not a valid schema message.
        case invalidMessage
        /// A mapping names an unknown field, unit or format.
        case invalidMapping
        /// A configuration file or value is missing or invalid.
        case invalidConfiguration
        /// The warehouse could not be read or written.
        case storageFailed
        /// A transaction confined to one region met a record of another
        /// (``NormalizerStore/transaction(inRegion:_:)``); it was rolled back.
        case outsideRegion
        /// An input file could not be read.
        case unreadableFile
    }

    /// The kind of failure.
    public let code: Code
    /// What went wrong, for a human.
    public let reason: String
    /// The canonical field involved (`livingArea`, `address.postalCode`), if any.
    public let field: String?
    /// The offending input: field text, a file path, a configuration key; at most an excerpt
    /// (``ServiceSupport/InputExcerpt``), so a 50 MB payload never makes a 50 MB error.
    public let input: String?
    /// The record involved, as `sourceId/recordId`, if known.
    public private(set) var record: String?

    /// Creates an error.
    public init(_ code: Code, reason: String, field: String? = nil, input: String? = nil, record: String? = nil) {
        self.code = code
        self.reason = reason
        self.field = field
        self.input = input.map { InputExcerpt.of($0) }
        self.record = record
    }

    /// Wraps a parser's error for a field: out-of-range and negative values are impossible
    /// values, everything else is an unparseable field.
    public init(_ error: ParseError, field: String) {
        let code: Code = [.outOfRange, .negative].contains(error.code) ? .impossibleValue : .unparseableField
        self.init(code, reason: "\(error.code.rawValue): \(error.reason)", field: field, input: error.input)
    }

    /// This error naming the canonical field `name`, unless it names a field already.
    func naming(field name: String) -> NormalizationError {
        field == nil ? NormalizationError(code, reason: reason, field: name, input: input, record: record) : self
    }

    /// This error naming the record it concerns.
    public func inRecord(_ key: String) -> NormalizationError {
        var copy = self
        copy.record = key
        return copy
    }

    /// The dead-letter reason: code `normalizer.<code>`, the field and a message quoting the input.
    public var failureReason: FailureReason {
        FailureReason(field: field, code: "normalizer.\(code.rawValue)", message: messageWithInput)
    }

    private var messageWithInput: String {
        input.map { "\(reason) (input: \"\($0)\")" } ?? reason
    }

    public var description: String {
        let location = [record.map { "record \($0)" }, field.map { "field '\($0)'" }].compactMap { $0 }
        let prefix = location.isEmpty ? "" : " in " + location.joined(separator: ", ")
        return "[\(code.rawValue)]\(prefix): \(messageWithInput)"
    }
}
