import Foundation

/// Deterministic input mutation for fuzz tests: start from real-shaped inputs and damage them
/// the way transfers, encodings and attackers do (flipped bytes, cuts, repeats, splices, hostile
/// tokens, invalid UTF-8).
///
/// The run size and seed come from `HOMEPRICE_FUZZ_ITERATIONS` and `HOMEPRICE_FUZZ_SEED`, so the
/// CI-sized run in the suite and the long run of `scripts/fuzz` share the code; a failing seed
/// reproduces exactly.
public struct Fuzzer: Sendable {
    /// How many inputs a fuzz test tries: `HOMEPRICE_FUZZ_ITERATIONS`, else `standard`.
    public static func iterations(standard: Int) -> Int {
        ProcessInfo.processInfo.environment["HOMEPRICE_FUZZ_ITERATIONS"].flatMap(Int.init) ?? standard
    }

    /// The seed of a run: `HOMEPRICE_FUZZ_SEED`, else a fixed one.
    public static var seed: UInt64 {
        ProcessInfo.processInfo.environment["HOMEPRICE_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x5EED_F022
    }

    private var state: UInt64

    /// Creates a fuzzer whose mutations follow from `seed`.
    public init(seed: UInt64 = Fuzzer.seed) {
        state = seed
    }

    /// Fragments that parsers treat specially.
    private static let hostile: [String] = [
        "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "&x;", "&amp;", "]]>", "<![CDATA[", "<", ">", "\"", "'", "{",
        "}", "[", "]", ",", ";", "\n", "\r\n", "\u{0}", "\u{FEFF}", "\\", "\\u0000", "1e999", "-0", "NaN", "999999999999999999999999",
        "0x1F", "١٢٣", "𝟙𝟚𝟛", "m²", "sqft", "€", "$", "1.234.567,89", "Mai", "null", "true", "  ", String(repeating: "9", count: 400),
        String(repeating: "[", count: 300), String(repeating: "<a>", count: 300),
    ]

    /// A uniformly random integer in `0..<bound`.
    public mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(max(1, bound)))
    }

    /// One of `inputs`, damaged by one to four mutations.
    public mutating func mutate(_ inputs: [[UInt8]]) -> [UInt8] {
        var bytes = inputs[next(inputs.count)]
        for _ in 0...next(4) { bytes = mutateOnce(bytes, splicing: inputs[next(inputs.count)]) }
        return bytes
    }

    /// Random bytes, half of them printable ASCII.
    public mutating func randomBytes(maximumCount: Int) -> [UInt8] {
        (0..<next(maximumCount + 1)).map { _ in next(2) == 0 ? UInt8(32 + next(95)) : UInt8(next(256)) }
    }

    private mutating func mutateOnce(_ bytes: [UInt8], splicing other: [UInt8]) -> [UInt8] {
        var bytes = bytes
        let position = next(bytes.count + 1)
        switch next(8) {
        case 0 where !bytes.isEmpty:
            bytes[min(position, bytes.count - 1)] ^= UInt8(1 << next(8))
        case 1:
            bytes = Array(bytes.prefix(position))
        case 2:
            bytes.insert(contentsOf: Array(Self.hostile[next(Self.hostile.count)].utf8), at: position)
        case 3 where !bytes.isEmpty:
            let end = min(bytes.count, position + 1 + next(64))
            let start = min(position, end)
            bytes.insert(contentsOf: Array(repeating: bytes[start..<end], count: 1 + next(8)).joined(), at: start)
        case 4:
            let start = next(other.count + 1)
            bytes.insert(contentsOf: other[start..<min(other.count, start + next(128))], at: position)
        case 5:
            bytes.insert(contentsOf: [[0xC3], [0xFF, 0xFE], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]][next(4)], at: position)
        case 6 where !bytes.isEmpty:
            bytes.removeSubrange(min(position, bytes.count - 1)..<min(bytes.count, position + 1 + next(32)))
        default:
            bytes.insert(UInt8(next(256)), at: position)
        }
        return bytes
    }
}
