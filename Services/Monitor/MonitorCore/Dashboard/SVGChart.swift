/// Inline SVG charts drawn on the server, so the dashboard needs nothing from the internet: the
/// reference and live distributions side by side per bin, and a metric's line over time.
public enum SVGChart {
    /// The chart of two share vectors on the same bins (bin 0, the missing bin, first).
    public static func histogram(reference: [Double], live: [Double], width: Int = 360, height: Int = 120) -> String {
        let bins = max(reference.count, live.count, 1)
        let top = max(reference.max() ?? 0, live.max() ?? 0, 1e-9)
        let slot = Double(width) / Double(bins)
        var bars = ""
        for bin in 0..<bins {
            for (series, shares, colour) in [(0, reference, "#7a8fa6"), (1, live, "#d9822b")] where bin < shares.count {
                let barHeight = shares[bin] / top * Double(height - 10)
                let x = Double(bin) * slot + Double(series) * slot / 2
                bars +=
                    "<rect class=\"bar-\(series == 0 ? "reference" : "live")\" x=\"\(format(x))\" y=\"\(format(Double(height) - barHeight))\" width=\"\(format(max(slot / 2 - 1, 0.5)))\" height=\"\(format(barHeight))\" fill=\"\(colour)\"><title>bin \(bin): \(format(shares[bin] * 100))%</title></rect>"
            }
        }
        return
            "<svg class=\"histogram\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\">\(bars)</svg>"
    }

    /// An inline SVG line of `values` (oldest first) scaled to the chart, with the last value's
    /// percentage as its title.
    public static func line(_ values: [Double], width: Int = 240, height: Int = 60) -> String {
        guard values.count > 1, let top = values.max(), top > 0 else { return "" }
        let step = Double(width) / Double(values.count - 1)
        let points = values.enumerated().map { index, value in
            "\(format(Double(index) * step)),\(format(Double(height) - value / top * Double(height - 4)))"
        }
        return
            "<svg class=\"trend\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\"><polyline fill=\"none\" stroke=\"#d9822b\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"><title>MAPE \(format((values.last ?? 0) * 100))%, peak \(format(top * 100))%</title></polyline></svg>"
    }

    /// Counts as shares of their total (zeros when empty).
    public static func shares(_ counts: [Int]) -> [Double] {
        let total = Double(counts.reduce(0, +))
        return counts.map { total > 0 ? Double($0) / total : 0 }
    }

    private static func format(_ value: Double) -> String {
        String((value * 10).rounded() / 10)
    }
}
