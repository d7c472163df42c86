import Foundation
import Schema
import ServiceSupport
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("homeprice up, status and down supervise a local cluster", .serialized)
struct ClusterCommandTests {
    @Test("a crashed service is restarted and reported on pipeline.monitoring, and down stops everything")
    func crashedServiceIsRestartedAndReported() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("homeprice-cluster-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let port = LocalPort.free()
        let environment = [
            "HOMEPRICE_STATE_DIR": state.path,
            "BROKER_PORT": String(port),
            "SERVICES_ENABLED": "sleeper,oneshot",
            "SERVICES_SLEEPER_COMMAND": "/bin/sleep",
            "SERVICES_SLEEPER_ARGUMENTS": "600",
            "SERVICES_ONESHOT_COMMAND": "/bin/true",
            "SUPERVISOR_RESTART_DELAY_MS": "100",
        ]

        let up = try await HomepriceProcess.run(["up"], environment: environment)
        #expect(up.status == 0, "\(up.errors)")
        do {
            let before = try await Self.status(environment)
            let version = before.librdkafka.split(separator: ".").compactMap { Int($0) }
            #expect(version.lexicographicallyPrecedes([2, 2]) == false, "status names the modern librdkafka in use")
            #expect(before.brokerReachable)
            #expect(before.bootstrapServers == "127.0.0.1:\(port)")
            #expect(before.topics == 12, "every topic of the design exists")
            let sleeper = try #require(before.services.first { $0.name == "sleeper" })
            let firstPid = try #require(sleeper.pid)
            #expect(sleeper.status == "running")

            kill(firstPid, SIGKILL)
            let after = try await withDeadline(.seconds(120), waitingFor: "the sleeper to be restarted") {
                while true {
                    let report = try await Self.status(environment)
                    if let service = report.services.first(where: { $0.name == "sleeper" }),
                        service.restarts == 1, service.status == "running", let pid = service.pid, pid != firstPid
                    {
                        return service
                    }
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            #expect(after.lastExit == "signal 9")
            let oneshot = try #require(try await Self.status(environment).services.first { $0.name == "oneshot" })
            #expect(oneshot.status == "completed" && oneshot.restarts == 0, "a clean exit is a finished job, not a crash")

            let events = try await HomepriceProcess.run(
                ["tail", "pipeline.monitoring", "--from-beginning", "--count", "4"],
                environment: environment
            )
            let names = events.output.compactMap { line in
                ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])
                    .flatMap { $0["value"] as? [String: Any] }
                    .flatMap { $0["name"] as? String }
            }
            // Events of one service share a key, so they keep their order; services differ.
            #expect(Set(names) == ["cluster.ready", "service.completed", "service.crashed", "service.restarted"])
            #expect(names.firstIndex(of: "service.crashed")! < names.firstIndex(of: "service.restarted")!)
        } catch {
            _ = try? await HomepriceProcess.run(["down"], environment: environment)
            throw error
        }

        let down = try await HomepriceProcess.run(["down"], environment: environment)
        #expect(down.status == 0, "\(down.errors)")
        #expect(!LocalPort.isAccepting(port), "the broker is stopped")
        #expect(!FileManager.default.fileExists(atPath: state.appendingPathComponent("cluster.json").path))
        let afterDown = try await HomepriceProcess.run(["status"], environment: environment)
        #expect(afterDown.output.contains { $0.contains("down") })
    }

    @Test(
        "up on a fresh broker clears the old broker's producer progress, crawl journal and trainer store; a killed broker is DEAD in status within seconds"
    )
    func freshBrokerResetsDerivedStateAndADeadBrokerIsNoticed() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("homeprice-cluster-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        for file in ["sources/us-county-sales.json", "crawler/us-listings-web.jsonl", "trainer/state.json", "artifacts/model.hpm"] {
            let url = state.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("{}".utf8).write(to: url)
        }
        let port = LocalPort.free()
        let environment = [
            "HOMEPRICE_STATE_DIR": state.path, "BROKER_PORT": String(port), "SERVICES_ENABLED": "sleeper",
            "SERVICES_SLEEPER_COMMAND": "/bin/sleep", "SERVICES_SLEEPER_ARGUMENTS": "600", "SUPERVISOR_HEALTH_CHECK_MS": "200",
        ]
        let up = try await HomepriceProcess.run(["up"], environment: environment)
        #expect(up.status == 0, "\(up.errors)")
        do {
            #expect(up.output.contains { $0.contains("fresh broker") && $0.contains("crawler, sources, trainer") })
            #expect(!FileManager.default.fileExists(atPath: state.appendingPathComponent("sources").path), "producers publish again")
            #expect(!FileManager.default.fileExists(atPath: state.appendingPathComponent("crawler").path), "the crawler crawls again")
            #expect(
                !FileManager.default.fileExists(atPath: state.appendingPathComponent("trainer").path),
                "the trainer's offsets were the old topics'")
            #expect(FileManager.default.fileExists(atPath: state.appendingPathComponent("artifacts/model.hpm").path), "artifacts stay")
            let before = try await Self.status(environment)
            #expect(before.brokerStatus == "running")

            // Kill tansu, as a crash would.
            let tansu = try #require(before.cluster?.broker?.pid)
            kill(tansu, SIGKILL)
            try await withDeadline(.seconds(120), waitingFor: "the killed tansu to be gone") {
                while ProcessLiveness.isAlive(tansu) { try await Task.sleep(for: .milliseconds(10)) }
            }
            #expect(try await Self.status(environment).brokerStatus == "dead", "the first status after the kill sees it")
            let text = try await HomepriceProcess.run(["status"], environment: environment)
            #expect(text.output.filter { $0.hasPrefix("broker") }.count == 1)
            #expect(text.output.contains { $0.hasPrefix("broker") && $0.contains("DEAD") && $0.contains("homeprice up") })
            #expect(!text.errors.contains("%3|"), "no librdkafka log lines without --verbose")
        } catch {
            _ = try? await HomepriceProcess.run(["down"], environment: environment)
            throw error
        }
        let down = try await HomepriceProcess.run(["down"], environment: environment)
        #expect(down.status == 0, "\(down.errors)")
        let unreachable = try await HomepriceProcess.run(
            ["topics"], environment: environment.merging(["KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:\(port)"]) { $1 })
        #expect(unreachable.status != 0)
        #expect(
            unreachable.errors.trimmingCharacters(in: .whitespacesAndNewlines)
                == "Error: the Kafka broker at 127.0.0.1:\(port) is not reachable (Local: Broker transport failure); is the cluster up? See `homeprice status`."
        )
    }

    @Test("up on a port another process listens on fails at once and names the cause once, not its code twice")
    func upOnATakenPortFails() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("homeprice-cluster-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let holder = try ConnectionTrap()
        let environment = ["HOMEPRICE_STATE_DIR": state.path, "BROKER_PORT": String(holder.port), "SERVICES_ENABLED": "sleeper"]

        let up = try await HomepriceProcess.run(["up"], environment: environment)
        if up.status == 0 { _ = try? await HomepriceProcess.run(["down"], environment: environment) }
        #expect(LocalPort.isAccepting(holder.port), "the port was held through the whole start")

        #expect(up.status != 0, "up must not hand the services the port's holder")
        #expect(up.errors.contains("the cluster did not start: brokerUnavailable: tansu exited at start"), "\(up.errors)")
        #expect(up.errors.contains("Address in use"), "the end of the broker's log says why")
        #expect(up.errors.components(separatedBy: "brokerUnavailable").count == 2, "the cause's code once: \(up.errors)")
    }

    @Test("down + up republishes: a source producer that finished reads its file again into the fresh broker, catalog entry and records")
    func downAndUpRepublishes() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("homeprice-cluster-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let dataset = state.appendingPathComponent("feed.jsonl")
        let ids = (1...5).map { "republish-\($0)" }
        try Data(ids.map { #"{"id": "\#($0)", "price": 250000, "city": "Ames"}"# + "\n" }.joined().utf8).write(to: dataset)
        let port = LocalPort.free()
        let environment = [
            "HOMEPRICE_STATE_DIR": state.appendingPathComponent("state").path, "BROKER_PORT": String(port), "SERVICES_ENABLED": "feed",
            "SERVICES_FEED_COMMAND": "homeprice-source", "SERVICES_FEED_ARGUMENTS": "--source,us-open-data",
            "PRODUCER_INPUT_PATH": dataset.path,
        ]
        let bootstrap = "127.0.0.1:\(port)"
        for round in ["first up", "up after down"] {
            let up = try await HomepriceProcess.run(["up"], environment: environment)
            #expect(up.status == 0, "\(round): \(up.errors)")
            do {
                try await withDeadline(.seconds(180), waitingFor: "\(round): the feed to finish") {
                    while try await Self.status(environment).services.first(where: { $0.name == "feed" })?.status != "completed" {
                        try await Task.sleep(for: .milliseconds(100))
                    }
                }
                let records = try await TopicContents.read(
                    topic: Topic.homesRaw.name, partitions: Topic.homesRaw.defaultPartitionCount, bootstrapServers: bootstrap)
                #expect(Set(records.compactMap(\.keyString)) == Set(ids.map { "us-open-data/\($0)" }), "\(round)")
                #expect(records.count == ids.count, "\(round)")
                let catalog = try await TopicContents.read(
                    topic: Topic.sourcesCatalog.name, partitions: Topic.sourcesCatalog.defaultPartitionCount, bootstrapServers: bootstrap)
                #expect(catalog.count == 1, "\(round)")
            } catch {
                _ = try? await HomepriceProcess.run(["down"], environment: environment)
                throw error
            }
            let down = try await HomepriceProcess.run(["down"], environment: environment)
            #expect(down.status == 0, "\(round): \(down.errors)")
        }
    }

    /// What `status --json` reports, the parts these tests read.
    private struct Status: Decodable {
        struct Cluster: Decodable {
            struct Service: Decodable {
                let name: String
                let pid: Int32?
                let status: String
                let restarts: Int
                let lastExit: String?
            }
            let services: [Service]
            let broker: Service?
        }
        let librdkafka: String
        let bootstrapServers: String
        let brokerReachable: Bool
        let brokerStatus: String
        let topics: Int
        let cluster: Cluster?
        var services: [Cluster.Service] { cluster?.services ?? [] }
    }

    private static func status(_ environment: [String: String]) async throws -> Status {
        let result = try await HomepriceProcess.run(["status", "--json"], environment: environment)
        return try JSONDecoder().decode(Status.self, from: Data(result.output.joined().utf8))
    }
}
