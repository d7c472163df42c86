/// Decides whether a candidate model may replace the champion, on held-out rows.
///
/// Every guarded metric (``GateSettings/guardedMetrics``) of the candidate may be at most
/// ``GateSettings/tolerance`` worse than the champion's, relatively, over all rows and on every
/// segment of at least ``GateSettings/minSegmentRows`` rows: each property type, city and price
/// band (bands cut at quantiles of the actual prices). Smaller segments are reported in the
/// comparison but do not decide, and a segment's figure decides only when it exceeds its limit
/// by more than ``GateSettings/segmentNoiseStandardErrors`` standard errors of the mean paired
/// difference of the two models' errors on its rows (percentage errors for MAPE and median
/// APE, absolute errors for MAE and RMSE: exact for MAPE and MAE, an estimate of the noise of
/// the median and of RMSE): the same rows scored by both, so what the candidate
/// does worse on all of them counts, and what a few homes of a small segment do does not.
/// Without a champion, the candidate's overall metrics must stay within
/// ``GateSettings/absoluteBounds``.
///
/// The gate is pure: the same input always gives the same verdict.
public struct ValidationGate: Sendable {
    /// The settings the gate judges by.
    public let settings: GateSettings

    /// Creates a gate.
    ///
    /// - Throws: ``RegistryError/Code/invalidGateInput`` when a setting is out of range.
    public init(settings: GateSettings) throws(RegistryError) {
        guard settings.tolerance.isFinite, settings.tolerance >= 0 else {
            throw RegistryError(.invalidGateInput, reason: "the tolerance must be at least 0", input: "\(settings.tolerance)")
        }
        guard !settings.guardedMetrics.isEmpty else {
            throw RegistryError(.invalidGateInput, reason: "at least one metric must be guarded")
        }
        guard settings.segmentNoiseStandardErrors.isFinite, settings.segmentNoiseStandardErrors >= 0 else {
            throw RegistryError(
                .invalidGateInput, reason: "segmentNoiseStandardErrors must be at least 0",
                input: "\(settings.segmentNoiseStandardErrors)")
        }
        guard settings.minSegmentRows >= 1, settings.priceBands >= 1 else {
            throw RegistryError(
                .invalidGateInput, reason: "minSegmentRows and priceBands must be at least 1",
                input: "minSegmentRows=\(settings.minSegmentRows) priceBands=\(settings.priceBands)")
        }
        self.settings = settings
    }

    /// Judges a candidate.
    ///
    /// - Throws: ``RegistryError/Code/invalidGateInput`` when there are no rows, when an array
    ///   does not have one entry per row, when a price is not finite, or when the input labels
    ///   ``SegmentKind/overall`` or ``SegmentKind/priceBand`` segments itself.
    public func evaluate(_ input: GateInput) throws(RegistryError) -> GateVerdict {
        try check(input)
        let bands = PriceBands(prices: input.actual, count: settings.priceBands)
        var labels = input.segments
        labels[.priceBand] = input.actual.map(bands.label(of:))
        let rows = SegmentRows(labels: labels)
        let candidate = SegmentedMetrics(actual: input.actual, predicted: input.candidate, rows: rows)
        let champion = input.champion.map {
            SegmentedMetrics(actual: input.actual, predicted: $0.predictions, rows: rows)
        }
        var comparisons = compare(.overall, SegmentKind.overallValue, candidate.overall, champion?.overall, noise: { _ in nil })
        for (kind, values) in candidate.segments.sorted(by: { $0.key < $1.key }) {
            for (value, metrics) in values.sorted(by: { $0.key < $1.key }) {
                let members = rows.members[kind]?[value] ?? []
                comparisons += compare(kind, value, metrics, champion?.segments[kind]?[value]) { metric in
                    input.champion.map { noiseMargin(metric, rows: members, input: input, champion: $0.predictions) }
                }
            }
        }
        let championVersion = input.champion?.version
        let failures = comparisons.filter { $0.guarded && !$0.withinLimit }
        let reasons =
            failures.isEmpty
            ? [passed(comparisons, championVersion: championVersion)]
            : failures.map { failed($0, championVersion: championVersion) }
        let comparison = ChampionComparison(
            championVersion: championVersion, tolerance: settings.tolerance, minSegmentRows: settings.minSegmentRows,
            comparisons: comparisons, accepted: failures.isEmpty, reasons: reasons)
        return GateVerdict(comparison: comparison, candidate: candidate, champion: champion)
    }

    /// The comparison lines of one segment, one per guarded metric; `noise` gives a metric's
    /// noise margin on the segment.
    private func compare(
        _ segment: SegmentKind, _ value: String, _ candidate: PriceMetrics, _ champion: PriceMetrics?,
        noise: (GuardedMetric) -> Double?
    ) -> [MetricComparison] {
        settings.guardedMetrics.map { metric in
            let championValue = champion?.value(of: metric)
            let limit =
                championValue.map { $0 * (1 + settings.tolerance) }
                ?? (segment == .overall ? settings.absoluteBounds[metric] : nil)
            return MetricComparison(
                segment: segment, value: value, rows: candidate.count, metric: metric,
                candidate: candidate.value(of: metric), champion: championValue, limit: limit,
                guarded: limit != nil && (segment == .overall || candidate.count >= settings.minSegmentRows),
                noiseMargin: settings.segmentNoiseStandardErrors > 0 ? noise(metric) : nil)
        }
    }

    /// ``GateSettings/segmentNoiseStandardErrors`` standard errors of the mean difference of
    /// the candidate's and the champion's errors on `rows`, in the metric's unit.
    private func noiseMargin(_ metric: GuardedMetric, rows: [Int], input: GateInput, champion: [Double]) -> Double {
        func error(_ predicted: Double, _ actual: Double) -> Double? {
            switch metric {
            case .mape, .medianAPE: actual == 0 ? nil : abs((predicted - actual) / actual)
            case .mae, .rmse: abs(predicted - actual)
            }
        }
        let differences = rows.compactMap { row -> Double? in
            guard let candidate = error(input.candidate[row], input.actual[row]), let champion = error(champion[row], input.actual[row])
            else { return nil }
            return candidate - champion
        }
        guard differences.count > 1 else { return 0 }
        let count = Double(differences.count)
        let mean = differences.reduce(0, +) / count
        let variance = differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)
        return settings.segmentNoiseStandardErrors * (variance / count).squareRoot()
    }

    private func failed(_ line: MetricComparison, championVersion: String?) -> String {
        let metric = line.metric
        let segment = line.segment == .overall ? "overall" : "in \(line.segment.rawValue)=\(line.value)"
        let limit = (line.limit.map(metric.format) ?? "none") + (line.noiseMargin.map { " + noise \(metric.format($0))" } ?? "")
        let against =
            if let championVersion, let champion = line.champion {
                "champion \(championVersion) \(metric.format(champion)), limit \(limit) (tolerance \(percent(settings.tolerance)))"
            } else {
                "absolute bound \(limit)"
            }
        return "\(metric.rawValue) \(segment) (\(line.rows) rows): candidate \(metric.format(line.candidate)) vs \(against)"
    }

    private func passed(_ comparisons: [MetricComparison], championVersion: String?) -> String {
        let metrics = settings.guardedMetrics.map(\.rawValue).joined(separator: ", ")
        guard let championVersion else {
            let bounded = settings.guardedMetrics.filter { settings.absoluteBounds[$0] != nil }
            return bounded.isEmpty
                ? "no champion and no absolute bound on \(metrics)"
                : "no champion; within the absolute bounds on \(bounded.map(\.rawValue).joined(separator: ", "))"
        }
        let segments = Set(comparisons.filter { $0.guarded && $0.segment != .overall }.map { [$0.segment.rawValue, $0.value] })
        return "within \(percent(settings.tolerance)) of champion \(championVersion) on \(metrics) overall and in "
            + "\(segments.count) segments of at least \(settings.minSegmentRows) rows"
    }

    private func percent(_ fraction: Double) -> String {
        GuardedMetric.mape.format(fraction)
    }

    private func check(_ input: GateInput) throws(RegistryError) {
        let rows = input.actual.count
        guard rows > 0 else { throw RegistryError(.invalidGateInput, reason: "there are no validation rows") }
        var predictions = [("candidate", input.candidate)]
        if let champion = input.champion { predictions.append(("champion \(champion.version)", champion.predictions)) }
        let counts = predictions.map { ($0.0, $0.1.count) } + input.segments.map { ("segment \($0.key.rawValue)", $0.value.count) }
        for kind in [SegmentKind.overall, .priceBand] where input.segments[kind] != nil {
            throw RegistryError(.invalidGateInput, reason: "the gate computes this segment itself", input: "segment \(kind.rawValue)")
        }
        for (name, count) in counts where count != rows {
            throw RegistryError(.invalidGateInput, reason: "\(count) values for \(rows) validation rows", input: name)
        }
        for (name, prices) in [("actual", input.actual)] + predictions {
            if let row = prices.firstIndex(where: { !$0.isFinite }) {
                throw RegistryError(.invalidGateInput, reason: "row \(row) has the price \(prices[row])", input: name)
            }
        }
    }
}
