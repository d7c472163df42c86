/// Reads the fixed ASCII shapes the parsers check on every record (postal codes, house
/// numbers, time stamps) left to right, one run of digits, letters or punctuation at a time.
///
/// It stands in for regex literals, which Swift compiles anew each time one is evaluated: a
/// postal code checked with one cost more than the rest of its record's address. Only ASCII
/// bytes ever match, as with the ASCII classes (`[0-9]`, `[A-Za-z]`) of the patterns it
/// replaces.
struct ASCIIScanner {
    private let bytes: [UInt8]
    private var position = 0

    /// A scanner at the start of `text`.
    init(_ text: some StringProtocol) {
        bytes = Array(text.utf8)
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { position == bytes.count }

    /// Reads `count` (from its lower to its upper bound, as many as there are) ASCII digits.
    /// - Returns: The digits, or `nil` (reading nothing) when fewer than the lower bound follow.
    mutating func digits(_ count: ClosedRange<Int> = 1...Int.max) -> String? {
        run(count) { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Reads `count` ASCII letters of either case; `nil` (reading nothing) when fewer follow.
    mutating func letters(_ count: ClosedRange<Int>) -> String? {
        run(count) { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7a }
    }

    /// Reads one of `characters` (ASCII) if it comes next.
    /// - Returns: Whether it did.
    mutating func skip(oneOf characters: String) -> Bool {
        guard position < bytes.count, characters.utf8.contains(bytes[position]) else { return false }
        position += 1
        return true
    }

    /// The text read so far.
    var consumed: String { String(decoding: bytes[..<position], as: UTF8.self) }

    private mutating func run(_ count: ClosedRange<Int>, _ matches: (UInt8) -> Bool) -> String? {
        var end = position
        while end < bytes.count, end - position < count.upperBound, matches(bytes[end]) {
            end += 1
        }
        guard end - position >= count.lowerBound else { return nil }
        defer { position = end }
        return String(decoding: bytes[position..<end], as: UTF8.self)
    }
}
