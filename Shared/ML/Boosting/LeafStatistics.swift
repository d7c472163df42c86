/// Sum of gradients and number of rows of a node, histogram bin or split side.
///
/// Every supported loss has unit hessians, so `count` is also the sum of hessians.
struct LeafStatistics: Sendable, Equatable {
    var gradient: Double = 0
    var count: Double = 0

    @inline(__always)
    static func - (a: LeafStatistics, b: LeafStatistics) -> LeafStatistics {
        LeafStatistics(gradient: a.gradient - b.gradient, count: a.count - b.count)
    }

    @inline(__always)
    static func + (a: LeafStatistics, b: LeafStatistics) -> LeafStatistics {
        LeafStatistics(gradient: a.gradient + b.gradient, count: a.count + b.count)
    }

    @inline(__always)
    static func += (a: inout LeafStatistics, b: LeafStatistics) {
        a.gradient += b.gradient
        a.count += b.count
    }
}
