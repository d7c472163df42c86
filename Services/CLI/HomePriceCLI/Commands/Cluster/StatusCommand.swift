import ArgumentParser
import Foundation
import Kafka
import ServiceSupport

/// `homeprice status`: librdkafka in use, the broker, the lag of the pipeline's consumer groups
/// (`lag.groups` of `configs/cluster.yaml`), and every supervised service.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the librdkafka in use, the broker, the consumer groups' lag, and every supervised service."
    )

    @Flag(help: "Print one JSON object.")
    var json = false

    /// What `status --json` prints.
    struct Report: Codable {
        let librdkafka: String
        let bootstrapServers: String
        let brokerReachable: Bool
        /// `running`, `unreachable` or `dead` for the cluster's own broker (its process checked
        /// now, not only as the supervisor last wrote it); `external` without a local cluster.
        let brokerStatus: String
        let brokers: [KafkaBrokerDescription]
        let topics: Int
        /// The watched consumer groups' lag (empty when the broker does not answer).
        let lag: [KafkaConsumerLag]
        let cluster: ClusterState?
    }

    func run() async throws {
        let environment = try await CLIEnvironment.load()
        let controller = ClusterController(layout: environment.layout, stateDirectory: environment.stateDirectory)
        let state = try controller.runningState()
        let admin = try KafkaAdmin(configuration: environment.kafka.client, timeout: .seconds(3))
        let brokers = (try? await admin.brokers()) ?? []
        let topics = brokers.isEmpty ? 0 : ((try? await admin.listTopics())?.count ?? 0)
        let lag = brokers.isEmpty ? [] : await admin.lag(of: try await ClusterSettings.load(layout: environment.layout).watchedGroups)
        let report = Report(
            librdkafka: LibrdkafkaVersion.string,
            bootstrapServers: environment.kafka.client.bootstrapServers,
            brokerReachable: !brokers.isEmpty,
            brokerStatus: Self.brokerStatus(state, reachable: !brokers.isEmpty),
            brokers: brokers,
            topics: topics,
            lag: lag,
            cluster: state
        )
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(Self.text(report))
        }
    }

    /// The broker's status: a cluster broker whose process is gone is dead whatever the
    /// state file still says.
    private static func brokerStatus(_ state: ClusterState?, reachable: Bool) -> String {
        guard let broker = state?.broker else { return "external" }
        if broker.status == "dead" || !(broker.pid.map(ProcessLiveness.isAlive) ?? false) { return "dead" }
        return reachable ? "running" : "unreachable"
    }

    private static func text(_ report: Report) -> String {
        let broker: String
        switch report.brokerStatus {
        case "dead":
            broker =
                "DEAD: its process exited and its topics (kept in memory) are gone; `homeprice down` then `homeprice up`"
                + " starts a fresh broker and the sources publish again"
        case "unreachable": broker = "(process running, not answering)"
        default: broker = report.brokerReachable ? "(reachable, \(report.topics) topics)" : "(not reachable)"
        }
        var lines = [
            "librdkafka  \(report.librdkafka)",
            "broker      \(report.bootstrapServers) \(broker)",
        ]
        if !report.lag.isEmpty {
            lines.append("lag         " + report.lag.map { "\($0.group) on \($0.topic) \($0.total)" }.joined(separator: ", "))
        }
        guard let cluster = report.cluster else {
            lines.append("cluster     down (start it with `homeprice up`)")
            return lines.joined(separator: "\n")
        }
        lines.append("cluster     \(cluster.phase.rawValue), supervisor pid \(cluster.supervisorPid), since \(cluster.startedAt)")
        for process in [cluster.broker].compactMap({ $0 }) + cluster.services {
            let pid = process.pid.map { "pid \($0)" } ?? "no pid"
            let exit = process.lastExit.map { ", last exit \($0)" } ?? ""
            lines.append(
                "  \(process.name.padding(toLength: 14, withPad: " ", startingAt: 0)) \(process.status) (\(pid), \(process.restarts) restarts\(exit))  log: \(process.log)"
            )
        }
        return lines.joined(separator: "\n")
    }
}
