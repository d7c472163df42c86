/// The SplitMix64 generator (Steele, Lea and Flood), bit for bit as in `synthetic.md`.
///
/// Its state advances by a fixed constant, so the generator can jump to any
/// output index in O(1) with ``init(seed:skipping:)``.
public struct SplitMix64: RandomNumberGenerator, Sendable, Equatable {
    /// The golden-ratio increment added to the state before each output.
    public static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The current state.
    public private(set) var state: UInt64

    /// A generator whose first output is the one for `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// A generator positioned after `count` outputs of the stream for `seed`.
    public init(seed: UInt64, skipping count: UInt64) {
        state = seed &+ count &* Self.increment
    }

    /// The next 64-bit output.
    public mutating func next() -> UInt64 {
        state &+= Self.increment
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next uniform in [0, 1): the top 53 bits scaled by 2^-53.
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }
}
