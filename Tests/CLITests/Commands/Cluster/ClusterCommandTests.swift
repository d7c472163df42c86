import Foundation
import ServiceSupport
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("homeprice up, status and down supervise a local cluster")
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
            let after = try await withDeadline(.seconds(30), waitingFor: "the sleeper to be restarted") {
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
        }
        let librdkafka: String
        let bootstrapServers: String
        let brokerReachable: Bool
        let topics: Int
        let cluster: Cluster?
        var services: [Cluster.Service] { cluster?.services ?? [] }
    }

    private static func status(_ environment: [String: String]) async throws -> Status {
        let result = try await HomepriceProcess.run(["status", "--json"], environment: environment)
        return try JSONDecoder().decode(Status.self, from: Data(result.output.joined().utf8))
    }
}
