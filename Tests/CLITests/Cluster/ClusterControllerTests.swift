import Foundation
import ServiceSupport
import TestSupport
import Testing

@testable import HomePriceCLI

@Suite("Starting the supervisor behind homeprice up")
struct ClusterControllerTests {
    @Test("a supervisor that exits before it is ready fails the start at once with its status, not after the ready timeout")
    func supervisorExitingEarlyFailsTheStart() async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("controller-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        var controller = ClusterController(layout: TestProject.layout, stateDirectory: state)
        controller.supervisorCommand = ["/bin/sh", "-c", "exit 3"]
        let started = ContinuousClock.now
        let error = await #expect(throws: ServiceSupportError.self) {
            try await controller.start(readyTimeout: .seconds(600))
        }
        #expect(error?.code == .processFailed)
        #expect(error?.reason.contains("exited with status 3") == true, "\(String(describing: error))")
        #expect(error?.input == state.appendingPathComponent("logs/supervisor.log").path)
        #expect(ContinuousClock.now - started < .seconds(300), "it did not wait out the ready timeout")
    }
}
