/// A set of bins 0...255 as four 64-bit words; a split's "goes left" bins.
struct BinSet: Sendable, Equatable {
    private var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0

    @inline(__always)
    func contains(_ bin: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(bin & 63)
        switch bin >> 6 {
        case 0: return w0 & bit != 0
        case 1: return w1 & bit != 0
        case 2: return w2 & bit != 0
        default: return w3 & bit != 0
        }
    }

    mutating func insert(_ bin: UInt8) {
        let bit = UInt64(1) << UInt64(bin & 63)
        switch bin >> 6 {
        case 0: w0 |= bit
        case 1: w1 |= bit
        case 2: w2 |= bit
        default: w3 |= bit
        }
    }

    /// The bins `1...last` (a numeric split), plus bin 0 when missing values go left.
    static func prefix(through last: Int, missingLeft: Bool) -> BinSet {
        var set = BinSet()
        if missingLeft { set.insert(0) }
        if last >= 1 {
            for b in 1...last { set.insert(UInt8(b)) }
        }
        return set
    }
}
