import Foundation

/// The bytes of one JSON document being written, with the primitive writers of the shared
/// format (``SchemaJSON``): strings escaped as Foundation's `JSONEncoder` escapes them with
/// `.withoutEscapingSlashes`, numbers in their shortest round-trip form without a trailing
/// `.0`.
final class JSONOutput {
    /// The document so far.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    /// Room for an object's members while they are put in key order.
    @exclusivity(unchecked) var scratch: [UInt8] = []

    init(capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
    }

    @inline(__always) func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Writes `text` as a JSON string.
    func writeString(_ text: String) {
        var text = text
        text.withUTF8 { writeString(utf8: $0) }
    }

    /// Writes UTF-8 `source` as a JSON string: quote, backslash and control characters
    /// escaped (`\b \f \n \r \t`, the others as `\u00xx`), everything else as it is.
    func writeString(utf8 source: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        for index in 0..<source.count {
            let byte = source[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if runStart < index {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
            }
            runStart = index + 1
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            default:
                append("u00")
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            }
        }
        if runStart < source.count {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Writes an integer in decimal.
    func writeInteger<Value: BinaryInteger>(_ value: Value) {
        if value == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        if let small = Int64(exactly: value) {
            writeDecimal(magnitude: small.magnitude, negative: small < 0)
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    private func writeDecimal(magnitude: UInt64, negative: Bool) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var remaining = magnitude
            var count = 0
            while remaining > 0 {
                digits[19 - count] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                count += 1
            }
            if negative { bytes.append(UInt8(ascii: "-")) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[(20 - count)...]))
        }
    }

    /// Writes a finite floating-point number as Foundation does: its `description`, without a
    /// trailing `.0` (`5.0` → `5`, `1e+20` stays).
    func writeFloatingPoint<Value: BinaryFloatingPoint & LosslessStringConvertible>(_ value: Value) {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// Writes a finite `Double` as ``writeFloatingPoint(_:)`` does; whole numbers below 10¹⁵
    /// (which `description` writes without an exponent) without formatting text.
    func writeDouble(_ value: Double) {
        if value.magnitude < 1e15, let whole = Int64(exactly: value), !(whole == 0 && value.sign == .minus) {
            writeInteger(whole)
            return
        }
        writeFloatingPoint(value)
    }
}
