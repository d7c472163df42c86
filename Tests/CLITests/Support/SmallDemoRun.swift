import Foundation
import Kafka
import Scenario
import Schema
import ServiceSupport
import TestSupport
import Testing

@testable import HomePriceCLI

/// One `homeprice demo` run as `scripts/run` starts it — the real command, its fresh tansu
/// broker and every supervised service of `configs/cluster.yaml` — at a small scale, through
/// the demo's and the services' own environment overrides, with a state folder of its own
/// and every port chosen free (so it runs beside other tests and a user's cluster). Afterwards
/// the topics are read back and the cluster is stopped.
struct SmallDemoRun {
    /// What the run printed, wrote and left on the topics.
    struct Outcome {
        /// The exit status of `homeprice demo` and what it printed on standard error.
        var status: Int32
        var errors: String
        /// The narration lines, without their time stamps (the live panel left out).
        var narration: [String]
        /// The report page the run wrote and named, if it is in the run's state folder.
        var report: String?
        /// The registry, monitoring events, control commands and dead letters as the topics
        /// hold them after the run.
        var topics: DemoObservations
        /// Messages per topic after the run.
        var topicMessages: [String: Int64]
    }

    /// The demo at a small scale: 400 homes (42 of them Canadian), 100 requests per region
    /// (the monitor's `accuracy.minimumSamples`), a shift of the 156 German homes sold again
    /// plus 150 new builds, and experiment rounds of 400 requests (a verdict in the first round).
    /// The trainer trains a region from 20 sales, after 25 new ones (Canada has 37), and accepts
    /// a first model up to 60 % MAPE (about 35 sales train it). The monitor judges drift from
    /// 100 rows, every 30, and accuracy every 100 joins, the size of a phase: its live MAPE
    /// before the shift is over exactly the phase's sales, and one check cannot raise an
    /// accuracy alert (it takes two in a row) before the shift. A wait that runs out ends the
    /// run with its reason well before the test's time limit.
    static let scale = [
        "DEMO_HOMES": "400", "DEMO_CLIENT_REQUESTS_PER_REGION": String(requestsPerRegion), "DEMO_SHIFT_NEW_BUILDS": "150",
        "DEMO_SHIFT_REQUESTS": String(shiftRequests), "DEMO_EXPERIMENT_REQUESTS": String(experimentRequests),
        "TRAINER_MINIMUM_ROWS": "20", "TRAINER_VOLUME_NEW_LABELS": "25", "TRAINER_GATE_ABSOLUTE_BOUNDS": "mape=0.6",
        "MONITOR_DRIFT_WINDOW_ROWS": "150", "MONITOR_DRIFT_MINIMUM_ROWS": "100", "MONITOR_DRIFT_CHECK_EVERY_ROWS": "30",
        "MONITOR_ACCURACY_CHECK_EVERY_JOINS": String(requestsPerRegion),
        "DEMO_TIMEOUTS_CHAMPIONS_SECONDS": "240", "DEMO_TIMEOUTS_ANSWERS_SECONDS": "60", "DEMO_TIMEOUTS_ACCURACY_SECONDS": "60",
        "DEMO_TIMEOUTS_CHALLENGER_SECONDS": "240", "DEMO_TIMEOUTS_VERDICT_SECONDS": "240", "DEMO_TIMEOUTS_REPORT_SECONDS": "60",
    ]

    /// Requests per region before the shift, after the shift (and after the promotion), and per
    /// experiment round.
    static let (requestsPerRegion, shiftRequests, experimentRequests) = (100, 100, 400)

    /// Runs the demo to its end, reads the topics and stops the cluster (also when it fails).
    static func run(timeout: Duration) async throws -> Outcome {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("homeprice-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: state) }
        let broker = LocalPort.free()
        let environment = try Self.environment(state: state, broker: broker)
        do {
            let outcome = try await drive(state: state, bootstrap: "127.0.0.1:\(broker)", environment: environment, timeout: timeout)
            _ = try await HomepriceProcess.run(["down"], environment: environment)
            return outcome
        } catch {
            _ = try? await HomepriceProcess.run(["down"], environment: environment)
            throw error
        }
    }

    private static func drive(state: URL, bootstrap: String, environment: [String: String], timeout: Duration) async throws -> Outcome {
        let demo = try HomepriceProcess(["demo"], environment: environment)
        let status: Int32
        do {
            status = try await demo.waitForExit(timeout: timeout)
        } catch {
            demo.terminate()
            throw error
        }
        let narration = demo.output.compactMap { line -> String? in
            guard line.hasPrefix("["), let stamp = line.firstRange(of: "] ") else { return nil }
            return String(line[stamp.upperBound...])
        }
        var topics = DemoObservations()
        for topic in [Topic.modelsRegistry, .pipelineMonitoring, .pipelineControl, .homesDeadLetter] {
            for message in try await TopicContents.read(
                topic: topic.name, partitions: topic.defaultPartitionCount, bootstrapServers: bootstrap)
            {
                if let decoded = try? topic.decodeMessage(from: Data(message.value)) { topics.record(decoded) }
            }
        }
        // The page the run names, where the monitor serves it: inside the run's state folder.
        let reportFile = narration.first { $0.hasPrefix("report: \(state.path)/") }.flatMap { line in
            line.dropFirst("report: ".count).split(separator: " ").first.map { URL(fileURLWithPath: String($0)) }
        }
        return Outcome(
            status: status, errors: demo.errorOutput + (status == 0 ? "" : logTails(state: state)), narration: narration,
            report: reportFile.flatMap { try? String(contentsOf: $0, encoding: .utf8) }, topics: topics,
            topicMessages: try await DemoCommand.topicMessages(
                KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: bootstrap))))
    }

    /// The last lines of every service's log, for a failed run's message (the state folder goes).
    private static func logTails(state: URL) -> String {
        let logs = state.appendingPathComponent("logs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: logs.path)) ?? []
        return names.sorted().map { name in
            let lines = (try? String(contentsOf: logs.appendingPathComponent(name), encoding: .utf8))?.split(separator: "\n") ?? []
            return "\n== \(name)\n" + lines.suffix(5).joined(separator: "\n")
        }.joined()
    }

    /// The run's environment: the scale, the state folder, and free ports for the broker, the
    /// model server, the monitor and the scenario's website, whose address the crawler and the
    /// agency producers (their own producer files, with the address changed) are given.
    private static func environment(state: URL, broker: Int) throws -> [String: String] {
        let (server, monitor, website) = (LocalPort.free(), LocalPort.free(), LocalPort.free())
        let site = "127.0.0.1:\(website)"
        let feeds = try ProducerFiles.written(
            feeds: ScenarioSource.allCases.filter { $0.kind == .agencyFeed }.map(\.id), pointedAt: site,
            in: state.appendingPathComponent("producers"))
        return scale.merging(
            [
                "HOMEPRICE_STATE_DIR": state.path, "BROKER_PORT": String(broker),
                "SERVER_HTTP_PORT": String(server), "DEMO_SERVER_URL": "http://127.0.0.1:\(server)",
                "MONITOR_HTTP_PORT": String(monitor), "DEMO_DASHBOARD_URL": "http://127.0.0.1:\(monitor)/",
                "SERVICES_SCENARIO_WEB_ARGUMENTS": "scenario,web,--scenario,.homeprice/scenario,--port,\(website)",
                "CRAWLER_SITE_START_URLS": "http://\(site)/search?page=1", "CRAWLER_SITE_ALLOWED_HOSTS": site,
            ].merging(feeds) { _, feed in feed }
        ) { _, run in run }
    }
}
