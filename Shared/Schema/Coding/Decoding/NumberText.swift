/// The text of a JSON number checked against the JSON grammar
/// (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`), with its digits gathered for a fast
/// exact conversion.
struct NumberText {
    private var negative = false
    /// The first 19 significant digits.
    private var mantissa: UInt64 = 0
    /// Significant digits beyond those in `mantissa`.
    private var droppedDigits = 0
    /// The power of ten that scales `mantissa`.
    private var exponent = 0
    /// Whether every digit of the significand is zero.
    private(set) var isZero = true

    /// `nil` when `text` is not a JSON number.
    init?(_ text: UnsafeBufferPointer<UInt8>) {
        var position = 0
        let count = text.count
        @inline(__always) func digit(at index: Int) -> UInt8? {
            guard index < count else { return nil }
            let value = text[index] &- UInt8(ascii: "0")
            return value < 10 ? value : nil
        }
        if position < count, text[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        guard let first = digit(at: position) else { return nil }
        position += 1
        if first == 0 {
            if digit(at: position) != nil { return nil }
        } else {
            add(first)
            while let next = digit(at: position) {
                add(next)
                position += 1
            }
        }
        if position < count, text[position] == UInt8(ascii: ".") {
            position += 1
            guard digit(at: position) != nil else { return nil }
            while let next = digit(at: position) {
                add(next)
                exponent -= 1
                position += 1
            }
        }
        if position < count, text[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            var negativeExponent = false
            if position < count, text[position] == UInt8(ascii: "+") || text[position] == UInt8(ascii: "-") {
                negativeExponent = text[position] == UInt8(ascii: "-")
                position += 1
            }
            guard digit(at: position) != nil else { return nil }
            var written = 0
            while let next = digit(at: position) {
                written = min(written * 10 + Int(next), 100_000)
                position += 1
            }
            exponent += negativeExponent ? -written : written
        }
        guard position == count else { return nil }
    }

    private mutating func add(_ digit: UInt8) {
        if digit != 0 { isZero = false }
        if mantissa == 0 && digit == 0 {
            return
        }
        if mantissa < 1_000_000_000_000_000_000 {
            mantissa = mantissa * 10 + UInt64(digit)
        } else {
            droppedDigits += 1
        }
    }

    /// The correctly rounded `Double` when one multiplication or division of exact values
    /// yields it (at most 15 significant digits and a power of ten up to 22); `nil` otherwise.
    var exactDouble: Double? {
        let scale = exponent + droppedDigits
        guard droppedDigits == 0, mantissa <= 1 << 53, scale >= -22, scale <= 22 else {
            return isZero ? (negative ? -0.0 : 0.0) : nil
        }
        let significand = Double(mantissa)
        let value = scale < 0 ? significand / Self.powersOfTen[-scale] : significand * Self.powersOfTen[scale]
        return negative ? -value : value
    }

    private static let powersOfTen: [Double] = (0...22).map { (0..<$0).reduce(1.0) { result, _ in result * 10 } }
}
