import Foundation
import Schema

/// The monitor's pure core: feature rows, predictions, feedback and dead letters in; drift
/// measurements, live accuracy, A/B verdicts, alerts and `retrain` commands out. No I/O: the
/// service feeds it from the topics and publishes what it returns.
public struct Monitor: Sendable {
    /// The settings.
    public let settings: MonitorSettings
    /// The drift watch per region with a champion.
    public private(set) var regions: [String: RegionDrift] = [:]
    /// Live accuracy.
    public private(set) var accuracy: AccuracyTracker
    /// The retrain rate limit.
    public private(set) var limiter: RetrainLimiter
    /// The latest feature check per region.
    public private(set) var latestFeatureChecks: [String: DriftCheck] = [:]
    /// The latest prediction check per region.
    public private(set) var latestPredictionChecks: [String: DriftCheck] = [:]
    /// The latest accuracy check per region.
    public private(set) var latestAccuracyChecks: [String: AccuracyCheck] = [:]
    /// Pipeline health: flow and dead letters.
    public private(set) var health = PipelineHealth()
    /// The challenger versions a verdict command was sent for, per model.
    private var actedOn: Set<String> = []
    /// How many of each kind of join drop were last reported on `pipeline.monitoring`.
    private var reportedJoinDrops = JoinCounters()

    /// A monitor with no champion yet.
    public init(settings: MonitorSettings) {
        self.settings = settings
        accuracy = AccuracyTracker(settings: settings.accuracy)
        limiter = RetrainLimiter(minimumInterval: settings.alerts.retrainMinimumInterval)
    }

    /// Watches `champion`'s region against its references from now on; a new version starts
    /// with empty windows, the same version keeps them.
    public mutating func install(_ champion: ChampionReference) {
        accuracy.setChampion(region: champion.region, version: champion.version, validationMAPE: champion.validationMAPE)
        if let current = regions[champion.region], current.champion.modelName == champion.modelName,
            current.champion.version == champion.version
        {
            return
        }
        regions[champion.region] = RegionDrift(champion: champion, settings: settings.drift)
    }

    /// Adds a feature row of `homes.features`.
    public mutating func observe(_ row: FeatureRow) -> [any SchemaMessage] {
        health.recordRow(region: row.region)
        guard !row.retired else { return [] }
        // Mutated in place: a copy would duplicate every window's storage per row.
        guard let check = regions[row.region]?.observe(row, settings: settings.drift) else { return [] }
        latestFeatureChecks[row.region] = check
        return messages(for: check, at: row.observedAt ?? row.computedAt)
    }

    /// Adds a served prediction of `predictions`.
    public mutating func observe(_ prediction: Prediction) -> [any SchemaMessage] {
        health.recordPrediction(region: prediction.region)
        var outputs: [any SchemaMessage] = []
        if let check = regions[prediction.region]?.observe(prediction, settings: settings.drift) {
            latestPredictionChecks[prediction.region] = check
            outputs += messages(for: check, at: prediction.predictedAt)
        }
        if let check = accuracy.add(prediction) { outputs += messages(for: check, at: prediction.predictedAt) }
        return outputs + joinDropReports(at: prediction.predictedAt)
    }

    /// Adds a piece of feedback of `feedback`.
    public mutating func observe(_ feedback: Feedback) -> [any SchemaMessage] {
        health.recordFeedback()
        let outputs = accuracy.add(feedback).map { messages(for: $0, at: feedback.at) } ?? []
        return outputs + joinDropReports(at: feedback.at)
    }

    /// Warnings that the join dropped inputs it could never score: predictions evicted unscored
    /// by the size cap, and sale prices whose prediction never came. Each kind is reported at
    /// its first drop and again whenever its count has doubled since the last report, so a
    /// steady loss is seen on `pipeline.monitoring` without a storm. Predictions that outlive
    /// the time to live are expected (sales go unreported) and are only counted.
    private mutating func joinDropReports(at time: Date) -> [any SchemaMessage] {
        let counters = accuracy.join.counters
        func due(_ dropped: KeyPath<JoinCounters, Int>) -> Bool {
            counters[keyPath: dropped] > 0 && counters[keyPath: dropped] >= 2 * reportedJoinDrops[keyPath: dropped]
        }
        guard due(\.evictedPredictions) || due(\.droppedFeedback) else { return [] }
        let join = settings.accuracy.join
        let kinds: [(name: String, dropped: WritableKeyPath<JoinCounters, Int>, what: String)] = [
            (
                "evictedPredictions", \.evictedPredictions,
                "predictions dropped unscored: more than monitor.accuracy.join.maximumPredictions (\(join.maximumPredictions)) waited for their sale price"
            ),
            (
                "droppedFeedback", \.droppedFeedback,
                "sale prices dropped: their prediction did not arrive within the time to live or while at most monitor.accuracy.join.maximumPendingFeedback (\(join.maximumPendingFeedback)) waited"
            ),
        ]
        var reports: [any SchemaMessage] = []
        for (name, dropped, what) in kinds where due(dropped) {
            let count = counters[keyPath: dropped]
            reportedJoinDrops[keyPath: dropped] = count
            reports.append(
                event(
                    kind: .alert, name: "accuracy.joinDropped", values: [name: Double(count)], labels: ["dropped": name],
                    severity: .warning, message: "\(count) \(what); live accuracy leaves them out", at: time))
        }
        return reports
    }

    /// Counts a raw record of `source` (from its `homes.raw` key, `source/recordId`) stamped
    /// `time` by the broker; the record itself is not read.
    public mutating func observeRawRecord(source: String, at time: Date?) {
        health.recordRaw(source: source, at: time)
    }

    /// Adds an event of `pipeline.monitoring`: the supervisor's crash and restart reports count.
    public mutating func observe(_ event: MonitoringEvent) {
        health.record(event)
    }

    /// Adds a dead letter of `homes.deadletter`.
    public mutating func observe(_ deadLetter: DeadLetter) {
        health.record(deadLetter)
    }

    /// The number of values the monitor's windows and join hold, for the bounded-state check.
    public var storedValues: Int { regions.values.reduce(accuracy.storedValues) { $0 + $1.storedValues } }

    private mutating func messages(for check: DriftCheck, at time: Date) -> [any SchemaMessage] {
        let labels = ["region": check.region, "model": check.modelName, "version": check.version, "subject": check.subject.rawValue]
        var outputs: [any SchemaMessage] = []
        for measurement in check.measurements where measurement.level != .stable {
            outputs.append(
                event(
                    kind: .drift, name: "drift.\(measurement.level.rawValue)", values: measurement.values,
                    labels: labels.merging(["feature": measurement.feature]) { $1 }, severity: .warning,
                    message:
                        "\(check.region) \(measurement.feature): PSI \(Self.format(measurement.psi)), JS \(Self.format(measurement.jensenShannon))",
                    at: time))
        }
        for feature in check.raised {
            let measurement = check.measurements.first { $0.feature == feature }
            outputs.append(
                event(
                    kind: .alert, name: "drift.alert", values: measurement?.values ?? [:],
                    labels: labels.merging(["feature": feature]) { $1 }, severity: .error,
                    message:
                        "sustained drift of \(feature) in \(check.region) against \(check.modelName)@\(check.version) (\(settings.drift.sustainedChecks) checks in a row)",
                    at: time))
        }
        for feature in check.cleared {
            outputs.append(
                event(
                    kind: .alert, name: "drift.cleared", labels: labels.merging(["feature": feature]) { $1 }, severity: .info,
                    message: "\(feature) in \(check.region) is back to its training distribution", at: time))
        }
        if !check.raised.isEmpty, check.subject == .features, settings.alerts.retrainOnDrift {
            outputs += retrain(region: check.region, reason: "drift of \(check.raised.joined(separator: ", "))", at: time)
        }
        return outputs
    }

    private mutating func messages(for check: AccuracyCheck, at time: Date) -> [any SchemaMessage] {
        latestAccuracyChecks[check.region] = check
        var outputs: [any SchemaMessage] = check.figures.sorted { $0.key < $1.key }.map { key, figures in
            event(kind: .metric, name: "accuracy.live", values: figures.values, labels: key.labels, at: time)
        }
        if check.verdict.outcome != .insufficientData {
            outputs.append(
                event(
                    kind: .metric, name: "ab.verdict", values: check.verdict.values,
                    labels: [
                        "region": check.region, "outcome": check.verdict.outcome.rawValue, "test": "mann-whitney-u",
                        "model": check.challenger?.modelName ?? "", "challenger": check.challenger?.modelVersion ?? "",
                    ],
                    severity: check.verdict.outcome == .challengerWorse ? .warning : .info,
                    message: "\(check.region) A/B: \(check.verdict.outcome.rawValue)", at: time))
        }
        outputs += experimentCommands(for: check, at: time)
        if check.alertChange == true, let mape = check.championMAPE {
            outputs.append(
                event(
                    kind: .alert, name: "accuracy.alert", values: ["liveMAPE": mape.live, "bound": mape.bound],
                    labels: ["region": check.region], severity: .error,
                    message: "live MAPE \(Self.format(mape.live)) in \(check.region) above \(Self.format(mape.bound))", at: time))
            if settings.alerts.retrainOnAccuracy {
                outputs += retrain(
                    region: check.region, reason: "live MAPE \(Self.format(mape.live)) above \(Self.format(mape.bound))", at: time)
            }
        } else if check.alertChange == false {
            outputs.append(
                event(
                    kind: .alert, name: "accuracy.cleared", labels: ["region": check.region], severity: .info,
                    message: "live accuracy in \(check.region) is back within its bound", at: time))
        }
        return outputs
    }

    /// With ``AlertSettings/actOnVerdicts``, a `promote` of the challenger (arm B) when it is
    /// significantly better, a `rollback` of the challenger alias when it is significantly worse;
    /// once per challenger version, with an id naming the model and version.
    private mutating func experimentCommands(for check: AccuracyCheck, at time: Date) -> [any SchemaMessage] {
        let action: ControlAction
        switch check.verdict.outcome {
        case .challengerBetter: action = .promote
        case .challengerWorse: action = .rollback
        case .noDifference, .insufficientData: return []
        }
        guard settings.alerts.actOnVerdicts, let challenger = check.challenger,
            actedOn.insert("\(challenger.modelName)@\(challenger.modelVersion)").inserted
        else { return [] }
        let arguments =
            action == .promote
            ? ["model": challenger.modelName, "version": challenger.modelVersion, "alias": "champion"]
            : ["model": challenger.modelName, "version": challenger.modelVersion, "alias": "challenger"]
        return [
            ControlCommand(
                commandId: "\(settings.serviceName)-\(action.rawValue)-\(challenger.modelName)-\(challenger.modelVersion)",
                target: settings.alerts.experimentTarget, action: action, arguments: arguments, issuedBy: settings.serviceName,
                reason:
                    "A/B in \(check.region): \(check.verdict.outcome.rawValue), p = \(Self.format(check.verdict.test?.pValue ?? 1)), n = \(check.verdict.championSamples)/\(check.verdict.challengerSamples)",
                at: time)
        ]
    }

    /// A `retrain` command for `region` unless one was sent too recently. Its id is derived
    /// from the region and the event time, so a replay sends the same id and the trainer, which
    /// acts on a command id once, ignores it.
    private mutating func retrain(region: String, reason: String, at time: Date) -> [any SchemaMessage] {
        guard limiter.allow(region: region, at: time) else { return [] }
        return [
            ControlCommand(
                commandId: "\(settings.serviceName)-retrain-\(region)-\(Int(time.timeIntervalSince1970))",
                target: settings.alerts.retrainTarget, action: .retrain, arguments: ["region": region], issuedBy: settings.serviceName,
                reason: reason, at: time)
        ]
    }

    private func event(
        kind: MonitoringEventKind, name: String, values: [String: Double] = [:], labels: [String: String],
        severity: Severity = .info, message: String? = nil, at time: Date
    ) -> MonitoringEvent {
        MonitoringEvent(
            service: settings.serviceName, kind: kind, name: name, values: values, labels: labels, severity: severity, message: message,
            at: time)
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}
