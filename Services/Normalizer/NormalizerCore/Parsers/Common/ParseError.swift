import Foundation

/// The reason a semantic parser could not read a value from source text.
///
/// Every parser in this module throws this one type, so the normalizer can turn
/// any failure into a dead letter with a stable ``code``, a human ``reason``,
/// the offending ``input`` and the ``field`` it was read for.
public struct ParseError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// A stable, machine-readable category of failure. The raw values are part of
    /// the dead-letter contract: never rename one.
    public enum Code: String, Sendable, Codable, CaseIterable {
        /// The input is empty or only whitespace.
        case empty
        /// The input is a placeholder for "no value", such as `n/a` or `k. A.`.
        case missingValue
        /// The input does not have the shape the parser expects.
        case malformed
        /// The input can be read in more than one way and nothing settles which.
        case ambiguous
        /// The value is negative where only zero or more makes sense.
        case negative
        /// The value is well formed but outside the plausible range.
        case outOfRange
        /// The value has a unit the parser does not know.
        case unknownUnit
        /// The value has no unit and the parser has no default unit.
        case missingUnit
        /// The value names a currency the parser does not know.
        case unknownCurrency
        /// No exchange rate is configured for a currency that must be converted.
        case missingExchangeRate
        /// The term is not in the vocabulary, not even with a small typo.
        case unrecognizedTerm
        /// A vocabulary maps one synonym to two different terms.
        case conflictingSynonym
        /// The postal code does not have the country's format.
        case invalidPostalCode
        /// The state, province or Land is not one of the country's.
        case unknownSubdivision
        /// A required part of the value, such as an address's street, is missing.
        case missingComponent
    }

    /// The longest input kept in an error; longer inputs are cut and end with `…`.
    public static let maximumInputLength = 200

    /// The category of failure.
    public let code: Code
    /// What went wrong, for a human reading the dead letter.
    public let reason: String
    /// The text that could not be parsed, cut to ``maximumInputLength`` characters.
    public let input: String
    /// The record field the input came from; the caller fills it with ``inField(_:)``.
    public private(set) var field: String?

    /// Creates an error.
    /// - Parameters:
    ///   - code: The category of failure.
    ///   - reason: What went wrong, for a human.
    ///   - input: The offending text.
    ///   - field: The record field the text came from, if known.
    public init(_ code: Code, reason: String, input: String, field: String? = nil) {
        self.code = code
        self.reason = reason
        self.input =
            input.count > Self.maximumInputLength
            ? String(input.prefix(Self.maximumInputLength)) + "…"
            : input
        self.field = field
    }

    /// Returns this error naming the record field the input came from.
    public func inField(_ field: String) -> ParseError {
        var copy = self
        copy.field = field
        return copy
    }

    public var description: String {
        let location = field.map { " in field '\($0)'" } ?? ""
        return "[\(code.rawValue)]\(location): \(reason) (input: \"\(input)\")"
    }
}
