import Configuration
import Foundation
import ServiceSupport

/// The monitor's settings from `configs/monitor.yaml` (keys under `monitor.`), each overridable
/// by an environment variable (`monitor.drift.psiAlert` → `MONITOR_DRIFT_PSI_ALERT`).
/// Thresholds, window sizes, time-to-live values, caps and rate limits have no in-code defaults.
public struct MonitorConfiguration: Sendable {
    /// The decision settings of the core.
    public var settings: MonitorSettings
    /// The regions watched, for example `["US", "CA", "DE"]`.
    public var regions: [String]
    /// A region's model is this prefix plus the lowercased region: `homeprice-de`.
    public var modelNamePrefix: String
    /// The content-addressed artifact store the champions' cards are read from.
    public var artifactsDirectory: URL
    /// Where the dashboard, `/health` and `/metrics` listen.
    public var httpHost: String
    /// The HTTP port (0 picks a free one).
    public var httpPort: Int
    /// The run report of `homeprice demo` that `GET /report` serves.
    public var reportFile: URL
    /// The consumer groups whose lag the dashboard and `monitor_consumer_lag` show.
    public var watchedGroups: [WatchedConsumerGroup]
    /// How often their lag is read.
    public var lagInterval: Duration
    /// The user name review decisions need.
    public var reviewUser: String
    /// The password review decisions need.
    public var reviewPassword: String

    /// The model name of `region`.
    public func modelName(of region: String) -> String { modelNamePrefix + region.lowercased() }

    /// Reads the settings under `monitor.`; a relative artifacts path resolves against the
    /// project root (`layout`), or the working directory without one.
    /// - Throws: ``MonitorError/Code/invalidConfiguration`` naming the key.
    public init(reader: ConfigReader, layout: ProjectLayout?) throws(MonitorError) {
        do {
            try self.init(settings: RequiredSettings(reader: reader), layout: layout)
        } catch let error as MonitorError {
            throw error
        } catch let error as ServiceSupportError {
            throw MonitorError(.invalidConfiguration, reason: error.reason, input: error.input)
        } catch {
            throw MonitorError(.invalidConfiguration, reason: "\(error)")
        }
    }

    private init(settings: RequiredSettings, layout: ProjectLayout?) throws {
        let serviceName = try settings.string("monitor.serviceName")
        regions = try settings.strings("monitor.regions").map { $0.uppercased() }
        modelNamePrefix = try settings.string("monitor.modelNamePrefix")
        let resolve = { (path: String) in ProjectLayout.resolve(path, in: layout) }
        artifactsDirectory = resolve(try settings.string("monitor.artifactsDirectory"))
        reportFile = resolve(try settings.string("monitor.reportFile"))
        httpHost = try settings.string("monitor.http.host")
        httpPort = try settings.int("monitor.http.port", atLeast: 0)
        reviewUser = try settings.string("monitor.review.user")
        reviewPassword = try settings.string("monitor.review.password")
        watchedGroups = try WatchedConsumerGroup.parse(try settings.strings("monitor.lag.groups"), key: "monitor.lag.groups")
        lagInterval = .seconds(try settings.int("monitor.lag.intervalSeconds", atLeast: 1))
        let drift = DriftSettings(
            windowRows: try settings.int("monitor.drift.windowRows", atLeast: 10),
            minimumRows: try settings.int("monitor.drift.minimumRows", atLeast: 1),
            checkEveryRows: try settings.int("monitor.drift.checkEveryRows", atLeast: 1),
            windowSeconds: try settings.double("monitor.drift.windowSeconds", atLeast: 1),
            windowSlots: try settings.int("monitor.drift.windowSlots", atLeast: 1),
            psiBins: try settings.int("monitor.drift.psiBins", atLeast: 2),
            psiWarning: try settings.double("monitor.drift.psiWarning", atLeast: 0),
            psiAlert: try settings.double("monitor.drift.psiAlert", atLeast: 0),
            jsAlert: try settings.double("monitor.drift.jensenShannonAlert", atLeast: 0, atMost: 1),
            ksAlpha: try settings.double("monitor.drift.ksAlpha", atLeast: 0, atMost: 1),
            ksMinimumStatistic: try settings.double("monitor.drift.ksMinimumStatistic", atLeast: 0, atMost: 1),
            psiEpsilon: try settings.double("monitor.drift.psiEpsilon", atLeast: 1e-12),
            sustainedChecks: try settings.int("monitor.drift.sustainedChecks", atLeast: 1))
        guard drift.psiWarning <= drift.psiAlert else {
            throw settings.invalid("monitor.drift.psiWarning", "must not exceed monitor.drift.psiAlert")
        }
        let accuracy = AccuracySettings(
            join: JoinSettings(
                timeToLive: try settings.double("monitor.accuracy.join.timeToLiveSeconds", atLeast: 1),
                maximumPredictions: try settings.int("monitor.accuracy.join.maximumPredictions", atLeast: 1),
                maximumPendingFeedback: try settings.int("monitor.accuracy.join.maximumPendingFeedback", atLeast: 1)),
            windowJoins: try settings.int("monitor.accuracy.windowJoins", atLeast: 1),
            checkEveryJoins: try settings.int("monitor.accuracy.checkEveryJoins", atLeast: 1),
            minimumSamples: try settings.int("monitor.accuracy.minimumSamples", atLeast: 1),
            mapeDegradationRatio: try settings.double("monitor.accuracy.mapeDegradationRatio", atLeast: 1),
            maximumMAPE: try settings.double("monitor.accuracy.maximumMAPE", atLeast: 0),
            sustainedChecks: try settings.int("monitor.accuracy.sustainedChecks", atLeast: 1),
            abAlpha: try settings.double("monitor.accuracy.abAlpha", atLeast: 0, atMost: 1),
            abMinimumSamples: try settings.int("monitor.accuracy.abMinimumSamples", atLeast: 2),
            maximumKeys: try settings.int("monitor.accuracy.maximumKeys", atLeast: 1),
            historyPoints: try settings.int("monitor.accuracy.historyPoints", atLeast: 2))
        let alerts = AlertSettings(
            retrainOnDrift: try settings.bool("monitor.alerts.retrainOnDrift"),
            retrainOnAccuracy: try settings.bool("monitor.alerts.retrainOnAccuracy"),
            retrainMinimumInterval: try settings.double("monitor.alerts.retrainMinimumIntervalSeconds", atLeast: 0),
            retrainTarget: try settings.string("monitor.alerts.retrainTarget"),
            actOnVerdicts: try settings.bool("monitor.alerts.actOnVerdicts"),
            experimentTarget: try settings.string("monitor.alerts.experimentTarget"))
        self.settings = MonitorSettings(serviceName: serviceName, drift: drift, accuracy: accuracy, alerts: alerts)
    }
}
