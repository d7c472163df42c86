import Foundation

/// A JSON document scanned once into a flat list of ``JSONToken``s over a private copy of its
/// bytes.
///
/// The scan checks the structure exactly as `JSONDecoder` does: brackets, braces, commas (a
/// trailing comma is accepted), colons, the literals `true`, `false` and `null`, that strings
/// end, at most 512 nested containers, and only whitespace after the top-level value. Like
/// `JSONDecoder`, it leaves the inside of strings (escapes, control characters, UTF-8) and
/// the form of numbers to be checked when a value is read, so a malformed value that is
/// never read — the member of an unknown key, say — does not fail the document.
final class JSONTape {
    /// The document text followed by a zero byte.
    let bytes: UnsafeMutableBufferPointer<UInt8>
    /// The number of bytes of text, without the zero byte.
    let count: Int
    let tokens: [JSONToken]

    /// Scans `text`, which must be UTF-8 without a byte order mark.
    ///
    /// - Throws: ``InvalidJSON`` when the structure is not JSON.
    init(scanning text: UnsafeRawBufferPointer) throws(InvalidJSON) {
        count = text.count
        bytes = .allocate(capacity: count + 1)
        if let base = text.baseAddress {
            bytes.baseAddress!.initialize(from: base.assumingMemoryBound(to: UInt8.self), count: count)
        }
        bytes[count] = 0
        var tokens: [JSONToken] = []
        tokens.reserveCapacity(count / 8 + 4)
        var scanner = Scanner(bytes: UnsafeBufferPointer(bytes), count: count)
        do {
            try scanner.scanDocument(into: &tokens)
        } catch {
            bytes.deallocate()
            throw error
        }
        tokens.append(JSONToken(kind: .null, isPlain: false, start: 0, length: 0, next: UInt32(tokens.count + 1)))
        self.tokens = tokens
    }

    /// A `null` after the document, for the decoder `superDecoder(forKey:)` returns when the
    /// key is absent.
    var absentValue: Int { tokens.count - 1 }

    deinit {
        bytes.deallocate()
    }

    /// The text of token `index`.
    @inline(__always)
    func text(of index: Int) -> UnsafeBufferPointer<UInt8> {
        let token = tokens[index]
        return UnsafeBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.start + token.length)])
    }
}

/// The reader behind ``JSONTape/init(scanning:)``.
private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    var position = 0
    var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>, count: Int) {
        self.bytes = bytes
        self.count = count
    }

    mutating func scanDocument(into tokens: inout [JSONToken]) throws(InvalidJSON) {
        try scanValue(into: &tokens)
        while position < count {
            guard isWhitespace(bytes[position]) else { throw InvalidJSON() }
            position += 1
        }
    }

    @inline(__always)
    private func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// The next byte that is not whitespace, without consuming it.
    @inline(__always)
    private mutating func skipWhitespace() throws(InvalidJSON) -> UInt8 {
        while position < count {
            let byte = bytes[position]
            if !isWhitespace(byte) { return byte }
            position += 1
        }
        throw InvalidJSON()
    }

    private mutating func scanValue(into tokens: inout [JSONToken]) throws(InvalidJSON) {
        switch try skipWhitespace() {
        case UInt8(ascii: "\""): try scanString(into: &tokens)
        case UInt8(ascii: "{"): try scanObject(into: &tokens)
        case UInt8(ascii: "["): try scanArray(into: &tokens)
        case UInt8(ascii: "t"): try scanLiteral("true", .true, into: &tokens)
        case UInt8(ascii: "f"): try scanLiteral("false", .false, into: &tokens)
        case UInt8(ascii: "n"): try scanLiteral("null", .null, into: &tokens)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): scanNumber(into: &tokens)
        default: throw InvalidJSON()
        }
    }

    private mutating func append(
        _ kind: JSONToken.Kind, plain: Bool = false, start: Int, length: Int, into tokens: inout [JSONToken]
    ) {
        tokens.append(
            JSONToken(
                kind: kind, isPlain: plain, start: UInt32(start), length: UInt32(length),
                next: UInt32(tokens.count + 1)))
    }

    private mutating func scanLiteral(
        _ literal: StaticString, _ kind: JSONToken.Kind, into tokens: inout [JSONToken]
    ) throws(InvalidJSON) {
        let length = literal.utf8CodeUnitCount
        guard count - position >= length,
            memcmp(bytes.baseAddress! + position, literal.utf8Start, length) == 0
        else { throw InvalidJSON() }
        append(kind, start: position, length: length, into: &tokens)
        position += length
    }

    /// A number's text runs from a minus or digit over digits, `.`, `+`, `-`, `e` and `E`;
    /// its form is checked when it is read.
    private mutating func scanNumber(into tokens: inout [JSONToken]) {
        let start = position
        position += 1
        var plain = true
        while position < count {
            let byte = bytes[position]
            if byte &- UInt8(ascii: "0") < 10 {
                position += 1
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
            {
                plain = false
                position += 1
            } else {
                break
            }
        }
        append(.number, plain: plain, start: start, length: position - start, into: &tokens)
    }

    private mutating func scanString(into tokens: inout [JSONToken]) throws(InvalidJSON) {
        position += 1
        let start = position
        while position < count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                append(.string, plain: true, start: start, length: position - start, into: &tokens)
                position += 1
                return
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
            position += 1
        }
        // Escapes, control characters or non-ASCII text: find the closing quote only.
        while position < count {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                append(.string, start: start, length: position - start, into: &tokens)
                position += 1
                return
            case UInt8(ascii: "\\"):
                position += 1
                guard position < count else { throw InvalidJSON() }
                if bytes[position] == UInt8(ascii: "u") {
                    guard count - position > 4 else { throw InvalidJSON() }
                    for offset in 1...4 where bytes[position + offset] == UInt8(ascii: "\"") {
                        throw InvalidJSON()
                    }
                    position += 4
                }
                position += 1
            default:
                position += 1
            }
        }
        throw InvalidJSON()
    }

    private mutating func enterContainer() throws(InvalidJSON) {
        guard depth < 512 else { throw InvalidJSON() }
        depth += 1
    }

    private mutating func scanArray(into tokens: inout [JSONToken]) throws(InvalidJSON) {
        try enterContainer()
        defer { depth -= 1 }
        position += 1
        let index = tokens.count
        append(.array, start: position, length: 0, into: &tokens)
        var elements = 0
        if try skipWhitespace() == UInt8(ascii: "]") {
            position += 1
        } else {
            elementLoop: while true {
                try scanValue(into: &tokens)
                elements += 1
                switch try skipWhitespace() {
                case UInt8(ascii: "]"):
                    position += 1
                    break elementLoop
                case UInt8(ascii: ","):
                    position += 1
                    if try skipWhitespace() == UInt8(ascii: "]") {
                        position += 1
                        break elementLoop
                    }
                default:
                    throw InvalidJSON()
                }
            }
        }
        tokens[index].length = UInt32(elements)
        tokens[index].next = UInt32(tokens.count)
    }

    private mutating func scanObject(into tokens: inout [JSONToken]) throws(InvalidJSON) {
        try enterContainer()
        defer { depth -= 1 }
        position += 1
        let index = tokens.count
        append(.object, start: position, length: 0, into: &tokens)
        var members = 0
        if try skipWhitespace() == UInt8(ascii: "}") {
            position += 1
        } else {
            memberLoop: while true {
                guard try skipWhitespace() == UInt8(ascii: "\"") else { throw InvalidJSON() }
                try scanString(into: &tokens)
                guard try skipWhitespace() == UInt8(ascii: ":") else { throw InvalidJSON() }
                position += 1
                try scanValue(into: &tokens)
                members += 1
                switch try skipWhitespace() {
                case UInt8(ascii: "}"):
                    position += 1
                    break memberLoop
                case UInt8(ascii: ","):
                    position += 1
                    if try skipWhitespace() == UInt8(ascii: "}") {
                        position += 1
                        break memberLoop
                    }
                default:
                    throw InvalidJSON()
                }
            }
        }
        tokens[index].length = UInt32(members)
        tokens[index].next = UInt32(tokens.count)
    }
}
