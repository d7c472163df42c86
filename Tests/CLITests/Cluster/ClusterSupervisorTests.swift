import Configuration
import Foundation
import Logging
import ServiceSupport
import TestSupport
import Testing

@testable import HomePriceCLI

@Suite("Cluster supervisor")
struct ClusterSupervisorTests {
    @Test("a start cancelled while the broker starts is a stop, not a failure: it returns, and leaves no state file and no broker")
    func cancelledStartIsAStop() async throws {
        try await Self.withSupervisor { supervisor, folder, port in
            let run = Task { try await supervisor.run() }
            run.cancel()
            try await run.value

            #expect(!FileManager.default.fileExists(atPath: ClusterState.file(in: folder).path), "no state of a cluster that never ran")
            #expect(!LocalPort.isAccepting(port), "no broker left behind")
        }
    }

    @Test("a start whose topics cannot be created fails, says why in the state file, and leaves no broker behind")
    func failedTopicCreationStopsTheBroker() async throws {
        // A client property librdkafka does not know: the broker starts, the admin client for
        // the topics cannot be made.
        let properties: [AbsoluteConfigKey: ConfigValue] = [
            "kafka.properties": .init(.stringArray(["no.such.property=1"]), isSecret: false)
        ]
        try await Self.withSupervisor(kafka: properties) { supervisor, folder, port in
            await #expect(throws: (any Error).self) { try await supervisor.run() }

            let state = try #require(try ClusterState.read(from: folder))
            #expect(state.phase == .failed)
            #expect(state.error?.contains("no.such.property") == true, "\(state.error ?? "")")
            #expect(!LocalPort.isAccepting(port), "no broker left behind")
        }
    }

    /// Runs `body` with a supervisor of the project's cluster settings on a free port, its
    /// Kafka settings from `kafka`, and a state folder of its own (removed afterwards).
    private static func withSupervisor(
        kafka: [AbsoluteConfigKey: ConfigValue] = [:], _ body: (ClusterSupervisor, URL, Int) async throws -> Void
    ) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("homeprice-supervisor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var settings = try await ClusterSettings.load(layout: TestProject.layout)
        settings.brokerPort = LocalPort.free()
        let supervisor = ClusterSupervisor(
            layout: TestProject.layout, settings: settings,
            kafka: try TestProject.kafkaSettings(kafka), stateDirectory: folder,
            logger: Logger(label: "homeprice.tests"))
        try await body(supervisor, folder, settings.brokerPort)
    }
}
