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
    /// The tokens in document order, then one `null` (see ``absentValue``).
    let tokens: UnsafeMutablePointer<JSONToken>
    private let tokenCount: Int

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
        var scanner = Scanner(bytes: UnsafeBufferPointer(bytes), count: count)
        do {
            try scanner.scanDocument()
        } catch {
            scanner.tokens.deallocate()
            bytes.deallocate()
            throw error
        }
        scanner.append(.null, start: 0, length: 0)
        tokens = scanner.tokens
        tokenCount = scanner.tokenCount
    }

    /// A `null` after the document, for the decoder `superDecoder(forKey:)` returns when the
    /// key is absent.
    var absentValue: Int { tokenCount - 1 }

    deinit {
        tokens.deallocate()
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
    private(set) var tokens: UnsafeMutablePointer<JSONToken>
    private(set) var tokenCount = 0
    private var capacity: Int

    init(bytes: UnsafeBufferPointer<UInt8>, count: Int) {
        self.bytes = bytes
        self.count = count
        // Every token but the last takes at least two bytes, its text and a separator; an
        // eighth of that is usually plenty and grows as needed.
        capacity = (count + 1) / 16 + 8
        tokens = .allocate(capacity: capacity)
    }

    mutating func scanDocument() throws(InvalidJSON) {
        try scanValue()
        while position < count {
            guard isWhitespace(bytes[position]) else { throw InvalidJSON() }
            position += 1
        }
    }

    /// Space, tab, line feed and carriage return, the only whitespace JSON has.
    @inline(__always)
    private func isWhitespace(_ byte: UInt8) -> Bool {
        byte <= 0x20 && (UInt64(1) << byte) & (1 << 0x20 | 1 << 0x09 | 1 << 0x0A | 1 << 0x0D) != 0
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

    private mutating func scanValue() throws(InvalidJSON) {
        switch try skipWhitespace() {
        case UInt8(ascii: "\""): try scanString()
        case UInt8(ascii: "{"): try scanObject()
        case UInt8(ascii: "["): try scanArray()
        case UInt8(ascii: "t"): try scanLiteral("true", .true)
        case UInt8(ascii: "f"): try scanLiteral("false", .false)
        case UInt8(ascii: "n"): try scanLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): scanNumber()
        default: throw InvalidJSON()
        }
    }

    @inline(__always)
    mutating func append(_ kind: JSONToken.Kind, plain: Bool = false, start: Int, length: Int, keyPrefix: UInt64 = 0) {
        if tokenCount == capacity {
            let larger = UnsafeMutablePointer<JSONToken>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: tokens, count: tokenCount)
            tokens.deallocate()
            tokens = larger
            capacity *= 2
        }
        (tokens + tokenCount).initialize(
            to: JSONToken(
                kind: kind, isPlain: plain, start: UInt32(start), length: UInt32(length), next: UInt32(tokenCount + 1),
                keyPrefix: keyPrefix))
        tokenCount += 1
    }

    /// ``JSONToken/keyPrefix`` of the key text at `start`; the text is followed at least by
    /// its closing quote.
    @inline(__always)
    private func keyPrefix(start: Int, length: Int) -> UInt64 {
        guard start + 8 <= count else {
            return JSONToken.keyPrefix(bytes.baseAddress! + start, length: length)
        }
        let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: start, as: UInt64.self))
        return length >= 8 ? word : word & ((1 << (8 * UInt64(length))) - 1)
    }

    private mutating func scanLiteral(_ literal: StaticString, _ kind: JSONToken.Kind) throws(InvalidJSON) {
        let length = literal.utf8CodeUnitCount
        guard count - position >= length,
            memcmp(bytes.baseAddress! + position, literal.utf8Start, length) == 0
        else { throw InvalidJSON() }
        append(kind, start: position, length: length)
        position += length
    }

    /// A number's text runs from a minus or digit over digits, `.`, `+`, `-`, `e` and `E`;
    /// its form is checked when it is read.
    private mutating func scanNumber() {
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
        append(.number, plain: plain, start: start, length: position - start)
    }

    private mutating func scanString(isKey: Bool = false) throws(InvalidJSON) {
        position += 1
        let start = position
        skipPlainText()
        while position < count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let length = position - start
                let prefix = isKey ? keyPrefix(start: start, length: length) : 0
                append(.string, plain: true, start: start, length: length, keyPrefix: prefix)
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
                append(.string, start: start, length: position - start)
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

    /// Moves over printable ASCII other than `"` and `\\`, eight bytes at a time.
    @inline(__always)
    private mutating func skipPlainText() {
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        while position + 8 <= count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highBits: UInt64 = 0x8080_8080_8080_8080
            let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
            let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
            // A byte's high bit is set where it is a quote, a backslash, a control character or
            // not ASCII; bytes above the first such byte may be flagged wrongly, not below it.
            let stops =
                ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes) | ((word &- ones &* 0x20) & ~word)
                | word
            let found = stops & highBits
            if found != 0 {
                position += found.trailingZeroBitCount / 8
                return
            }
            position += 8
        }
    }

    private mutating func enterContainer() throws(InvalidJSON) {
        guard depth < 512 else { throw InvalidJSON() }
        depth += 1
    }

    private mutating func scanArray() throws(InvalidJSON) {
        try scanContainer(.array, closedBy: UInt8(ascii: "]"))
    }

    private mutating func scanObject() throws(InvalidJSON) {
        try scanContainer(.object, closedBy: UInt8(ascii: "}"))
    }

    /// An array's values or an object's `"key": value` members up to `closing`, separated
    /// by commas; a comma before `closing` is accepted, as `JSONDecoder` does.
    private mutating func scanContainer(_ kind: JSONToken.Kind, closedBy closing: UInt8) throws(InvalidJSON) {
        try enterContainer()
        defer { depth -= 1 }
        position += 1
        let index = tokenCount
        append(kind, start: position, length: 0)
        var elements = 0
        if try skipWhitespace() == closing {
            position += 1
        } else {
            elementLoop: while true {
                if kind == .object {
                    guard try skipWhitespace() == UInt8(ascii: "\"") else { throw InvalidJSON() }
                    try scanString(isKey: true)
                    guard try skipWhitespace() == UInt8(ascii: ":") else { throw InvalidJSON() }
                    position += 1
                }
                try scanValue()
                elements += 1
                switch try skipWhitespace() {
                case closing:
                    position += 1
                    break elementLoop
                case UInt8(ascii: ","):
                    position += 1
                    if try skipWhitespace() == closing {
                        position += 1
                        break elementLoop
                    }
                default:
                    throw InvalidJSON()
                }
            }
        }
        tokens[index].length = UInt32(elements)
        tokens[index].next = UInt32(tokenCount)
    }
}
