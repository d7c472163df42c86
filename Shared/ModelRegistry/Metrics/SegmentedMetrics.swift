/// Price metrics over all rows and per segment: segment kind → segment value → metrics.
public struct SegmentedMetrics: Codable, Sendable, Equatable {
    /// The metrics of every row.
    public var overall: PriceMetrics
    /// The metrics of each segment, by kind and then by value.
    public var segments: [SegmentKind: [String: PriceMetrics]]

    /// Creates segmented metrics from their parts.
    public init(overall: PriceMetrics, segments: [SegmentKind: [String: PriceMetrics]]) {
        self.overall = overall
        self.segments = segments
    }

    /// Computes the metrics of `predicted` against `actual` over all rows and over each
    /// segment of `rows`.
    init(actual: [Double], predicted: [Double], rows: SegmentRows) {
        overall = PriceMetrics(actual: actual, predicted: predicted)
        segments = rows.members.mapValues { values in
            values.mapValues { members in
                PriceMetrics(actual: members.map { actual[$0] }, predicted: members.map { predicted[$0] })
            }
        }
    }
}
