/// Where each byte of a JSON text stands, followed byte by byte: inside a string or not, and
/// how deep inside objects and arrays. Malformed text is followed as far as it goes (a closing
/// bracket too many leaves the depth at 0). Every structural character is ASCII, so a byte
/// never starts one inside a multi-byte UTF-8 character and the bytes can be scanned in place.
public struct JSONStructure: Sendable {
    /// What one byte is to the structure.
    public enum Role: Sendable, Equatable {
        /// A byte inside a string (an escape included), or its closing quote.
        case string
        /// The quote opening a string.
        case stringStart
        /// `{` or `[` outside strings; ``depth`` counts it.
        case open
        /// `}` or `]` outside strings; ``depth`` no longer counts what it closes.
        case close
        /// Anything else outside strings: `:`, `,`, blanks, a number's or literal's bytes.
        case other
    }

    /// How many objects and arrays hold the next byte: 0 outside the outermost one.
    public var depth: Int { nesting }
    /// Whether the next byte is inside a string.
    public var inString: Bool { inText }
    @usableFromInline var nesting = 0
    @usableFromInline var inText = false
    @usableFromInline var escaped = false

    /// Starts before the first byte of a text.
    public init() {}

    /// Takes the next byte and says what it is.
    @inlinable
    public mutating func take(_ byte: UInt8) -> Role {
        if inText {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inText = false
            }
            return .string
        }
        switch byte {
        case UInt8(ascii: "\""):
            inText = true
            return .stringStart
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            nesting += 1
            return .open
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            nesting = Swift.max(0, nesting - 1)
            return .close
        default:
            return .other
        }
    }
}
