import Foundation

/// The SplitMix64 generator: a fast, seedable, reproducible random stream.
///
/// Every random choice of the scenario comes from a `SplitMix64`, so the same seed always
/// produces the same homes, records and pages. Independent streams (one per home, one per
/// source record) are derived with ``derived(_:)`` so that generation can stream and a change
/// in one part does not shift the draws of another.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator whose state starts at `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform draw in [0, 1).
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform draw in `range`.
    public mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + uniform() * (range.upperBound - range.lowerBound)
    }

    /// `true` with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool {
        uniform() < probability
    }

    /// A standard normal draw (Box–Muller).
    public mutating func normal() -> Double {
        let u1 = max(uniform(), 0x1p-53)
        let u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// One element of `elements`, chosen uniformly; `elements` must not be empty.
    public mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[Int(next() % UInt64(elements.count))]
    }

    /// An index into `weights`, chosen with probability proportional to its weight.
    public mutating func weightedIndex(_ weights: [Double]) -> Int {
        var remaining = uniform() * weights.reduce(0, +)
        for (index, weight) in weights.enumerated() {
            remaining -= weight
            if remaining < 0 { return index }
        }
        return weights.count - 1
    }

    /// An independent generator for sub-stream `stream` of this generator's seed position.
    public func derived(_ stream: UInt64) -> SplitMix64 {
        var mixer = SplitMix64(seed: state ^ (stream &* 0xD6E8_FEB8_6659_FD93))
        return SplitMix64(seed: mixer.next())
    }
}
