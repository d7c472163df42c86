import Foundation

/// Price bands cut at quantiles of a set of prices, with labels that name their bounds, for
/// example `q1 <250000`, `q2 250000..<400000` and `q3 ≥400000`.
struct PriceBands {
    /// The ascending, distinct lower bounds of the bands after the first.
    let edges: [Double]

    /// Cuts `prices` into at most `count` bands of about equal size; equal prices always share
    /// a band, so heavy ties give fewer bands.
    init(prices: [Double], count: Int) {
        let sorted = prices.sorted()
        var edges: [Double] = []
        if !sorted.isEmpty {
            for band in 1..<max(1, count) {
                let edge = sorted[band * sorted.count / count]
                if edge > (edges.last ?? sorted[0]) { edges.append(edge) }
            }
        }
        self.edges = edges
    }

    /// The label of the band `price` falls in: a price equal to an edge opens the band above.
    func label(of price: Double) -> String {
        let band = edges.prefix { $0 <= price }.count
        let name = "q\(band + 1)"
        if edges.isEmpty { return "\(name) all" }
        if band == 0 { return "\(name) <\(Self.amount(edges[0]))" }
        if band == edges.count { return "\(name) ≥\(Self.amount(edges[band - 1]))" }
        return "\(name) \(Self.amount(edges[band - 1]))..<\(Self.amount(edges[band]))"
    }

    private static func amount(_ value: Double) -> String {
        String(format: "%.0f", value)
    }
}
