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
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("homeprice-supervisor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var settings = try await ClusterSettings.load(layout: TestProject.layout)
        settings.brokerPort = LocalPort.free()
        let supervisor = ClusterSupervisor(
            layout: TestProject.layout, settings: settings,
            kafka: try KafkaSettings(reader: ConfigReader(provider: InMemoryProvider(values: [:]))), stateDirectory: folder,
            logger: Logger(label: "homeprice.tests"))

        let run = Task { try await supervisor.run() }
        run.cancel()
        try await run.value

        #expect(!FileManager.default.fileExists(atPath: ClusterState.file(in: folder).path), "no state of a cluster that never ran")
        #expect(!LocalPort.isAccepting(settings.brokerPort), "no broker left behind")
    }
}
