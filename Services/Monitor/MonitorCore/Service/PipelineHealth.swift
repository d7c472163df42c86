import Foundation
import Schema

/// What flows through the pipeline as the monitor sees it: raw records per source (and when
/// each source was last seen), feature rows per region, predictions per region, feedback, dead
/// letters per stage and reason, services' crashes and restarts, and the broker outages each
/// service lived through.
public struct PipelineHealth: Sendable, Equatable {
    /// One source's raw records.
    public struct SourceFlow: Sendable, Equatable {
        /// Records seen.
        public var records: Int
        /// The broker timestamp of the newest record, when it had one.
        public var lastSeen: Date?
    }

    /// Raw records per source id.
    public private(set) var sources: [String: SourceFlow] = [:]
    /// Feature rows seen per region.
    public private(set) var featureRows: [String: Int] = [:]
    /// Predictions seen per region.
    public private(set) var predictions: [String: Int] = [:]
    /// Feedback seen.
    public private(set) var feedback = 0
    /// Dead letters per stage, then per reason code.
    public private(set) var deadLetters: [String: [String: Int]] = [:]
    /// Crashes per service, as the supervisor reported them (`service.crashed`).
    public private(set) var crashes: [String: Int] = [:]
    /// Restarts per service, as the supervisor reported them (`service.restarted`).
    public private(set) var restarts: [String: Int] = [:]
    /// Broker outages per service (its Kafka client id), as each reported the broker's return
    /// (`broker.back`), with the longest outage in seconds.
    public private(set) var brokerOutages: [String: BrokerOutages] = [:]

    /// The broker outages one service reported.
    public struct BrokerOutages: Sendable, Equatable {
        /// How many outages ended.
        public var count: Int
        /// The longest, in seconds.
        public var longestSeconds: Double
    }

    /// Nothing seen yet.
    public init() {}

    mutating func recordRaw(source: String, at time: Date?) {
        var flow = sources[source] ?? SourceFlow(records: 0, lastSeen: nil)
        flow.records += 1
        if let time { flow.lastSeen = max(flow.lastSeen ?? time, time) }
        sources[source] = flow
    }

    mutating func recordRow(region: String) {
        featureRows[region, default: 0] += 1
    }

    mutating func recordPrediction(region: String) {
        predictions[region, default: 0] += 1
    }

    mutating func recordFeedback() {
        feedback += 1
    }

    mutating func record(_ event: MonitoringEvent) {
        guard event.kind == .serviceStatus else { return }
        switch event.name {
        case "service.crashed": crashes[event.service, default: 0] += 1
        case "service.restarted": restarts[event.service, default: 0] += 1
        case "broker.back":
            var outages = brokerOutages[event.service] ?? BrokerOutages(count: 0, longestSeconds: 0)
            outages.count += 1
            outages.longestSeconds = max(outages.longestSeconds, event.values["outageSeconds"] ?? 0)
            brokerOutages[event.service] = outages
        default: break
        }
    }

    mutating func record(_ deadLetter: DeadLetter) {
        for reason in deadLetter.reasons {
            deadLetters[deadLetter.stage.rawValue, default: [:]][reason.code, default: 0] += 1
        }
    }
}
