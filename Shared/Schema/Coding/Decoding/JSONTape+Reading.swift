import Foundation

/// Reading scalar tokens as Swift values, with the results and failures of `JSONDecoder`.
extension JSONTape {
    /// The kind of token `index`.
    @inline(__always)
    func kind(of index: Int) -> JSONToken.Kind {
        tokens[index].kind
    }

    /// Token `index` as a string.
    func string(at index: Int) throws(ValueFailure) -> String {
        let token = tokens[index]
        guard token.kind == .string else { throw failure(for: token) }
        if token.isPlain {
            return String(decoding: text(of: index), as: UTF8.self)
        }
        guard let text = unescaped(text(of: index)) else { throw .invalid }
        return text
    }

    /// Object key token `index` as a string.
    func key(at index: Int) throws(InvalidJSON) -> String {
        do {
            return try string(at: index)
        } catch {
            throw InvalidJSON()
        }
    }

    /// Whether two keys of object token `object` may be the same string: `false` only when
    /// all keys are plain and pairwise different in bytes.
    func mayHaveRepeatedKeys(object: Int) -> Bool {
        var keys: [JSONToken] = []
        keys.reserveCapacity(Int(tokens[object].length))
        var member = object + 1
        for _ in 0..<tokens[object].length {
            let key = tokens[member]
            guard key.isPlain else { return true }
            for earlier in keys where earlier.keyPrefix == key.keyPrefix && earlier.length == key.length {
                if key.length <= 8
                    || memcmp(bytes.baseAddress! + Int(earlier.start), bytes.baseAddress! + Int(key.start), Int(key.length)) == 0
                {
                    return true
                }
            }
            keys.append(key)
            member = Int(tokens[member + 1].next)
        }
        return false
    }

    /// Token `index` as a Boolean. Like `JSONDecoder`, `null` is a type mismatch here, not a
    /// missing value.
    func bool(at index: Int) throws(ValueFailure) -> Bool {
        switch tokens[index].kind {
        case .true: return true
        case .false: return false
        default: throw .mismatch(found: tokens[index].kindDescription)
        }
    }

    /// Token `index` as an integer: `5`, but also `5.0` and `5e2`; a fraction or a value out
    /// of range is malformed.
    func integer<Integer: FixedWidthInteger & Decodable>(at index: Int, as type: Integer.Type) throws(ValueFailure)
        -> Integer
    {
        let token = tokens[index]
        guard token.kind == .number else { throw failure(for: token) }
        let text = text(of: index)
        guard NumberText(text) != nil else { throw .invalid }
        if token.isPlain, let value = Self.parseDigits(text, as: type) {
            return value
        }
        // Fractions, exponents and overflow: the rare cases, left to JSONDecoder's own rules
        // (it converts through Double and Decimal) so that the results agree exactly.
        do {
            return try JSONDecoder().decode(type, from: Data(text))
        } catch {
            throw .invalid
        }
    }

    /// Token `index` as a `Double`; a value that rounds to infinity or to zero is malformed.
    func double(at index: Int) throws(ValueFailure) -> Double {
        let token = tokens[index]
        guard token.kind == .number else { throw failure(for: token) }
        let text = text(of: index)
        guard let number = NumberText(text) else { throw .invalid }
        if let value = number.exactDouble {
            return value
        }
        guard let value = Double(String(decoding: text, as: UTF8.self)), value.isFinite,
            value != 0 || number.isZero
        else { throw .invalid }
        return value
    }

    /// Token `index` as a `Float`; a value that rounds to infinity or to zero is malformed.
    func float(at index: Int) throws(ValueFailure) -> Float {
        let token = tokens[index]
        guard token.kind == .number else { throw failure(for: token) }
        let text = text(of: index)
        guard let number = NumberText(text), let value = Float(String(decoding: text, as: UTF8.self)),
            value.isFinite, value != 0 || number.isZero
        else { throw .invalid }
        return value
    }

    /// Token `index` as a `Decimal`, as `JSONDecoder` reads it.
    func decimal(at index: Int) throws(ValueFailure) -> Decimal {
        let token = tokens[index]
        guard token.kind == .number else { throw failure(for: token) }
        let text = text(of: index)
        guard NumberText(text) != nil else { throw .invalid }
        do {
            return try JSONDecoder().decode(Decimal.self, from: Data(text))
        } catch {
            throw .invalid
        }
    }

    /// The failure of reading `token` as a value of another kind.
    func failure(for token: JSONToken) -> ValueFailure {
        token.kind == .null ? .null : .mismatch(found: token.kindDescription)
    }

    /// `-?[0-9]+` as `Integer`; `nil` on overflow.
    private static func parseDigits<Integer: FixedWidthInteger>(
        _ text: UnsafeBufferPointer<UInt8>, as type: Integer.Type
    ) -> Integer? {
        let negative = text[0] == UInt8(ascii: "-")
        var value: Integer = 0
        for byte in text[(negative ? 1 : 0)...] {
            let digit = Integer(byte &- UInt8(ascii: "0"))
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) =
                negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflow, !overflow2 else { return nil }
            value = next
        }
        return value
    }

    /// The text of a string token without its escapes; `nil` when it holds a control
    /// character, an unknown escape, an unpaired surrogate or invalid UTF-8.
    private func unescaped(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var position = 0
        while position < text.count {
            let byte = text[position]
            if byte < 0x20 { return nil }
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                position += 1
                continue
            }
            position += 1
            guard position < text.count else { return nil }
            let escape = text[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escape)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                guard let unit = Self.hexUnit(text, at: position) else { return nil }
                position += 4
                let scalar: Unicode.Scalar
                if UTF16.isLeadSurrogate(unit) {
                    guard position + 6 <= text.count, text[position] == UInt8(ascii: "\\"),
                        text[position + 1] == UInt8(ascii: "u"), let trail = Self.hexUnit(text, at: position + 2),
                        UTF16.isTrailSurrogate(trail)
                    else { return nil }
                    position += 6
                    scalar = UTF16.decode(UTF16.EncodedScalar([unit, trail]))
                } else {
                    guard let single = Unicode.Scalar(unit) else { return nil }
                    scalar = single
                }
                output.append(contentsOf: UTF8.encode(scalar)!)
            default:
                return nil
            }
        }
        return String(validating: output, as: UTF8.self)
    }

    /// The four hexadecimal digits at `position` as a UTF-16 code unit.
    private static func hexUnit(_ text: UnsafeBufferPointer<UInt8>, at position: Int) -> UInt16? {
        guard position + 4 <= text.count else { return nil }
        var unit: UInt16 = 0
        for byte in text[position..<position + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }
}
