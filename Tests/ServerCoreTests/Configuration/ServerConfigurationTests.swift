import Foundation
import ServerCore
import ServiceSupport
import TestSupport
import Testing

@Suite("Server configuration")
struct ServerConfigurationTests {
    private func configuration(_ environment: [String: String]) async throws -> ServerConfiguration {
        let reader = try await ConfigurationLoader.reader(
            layout: TestProject.layout, files: ServerService.configurationFiles + ["pipeline.yaml", "kafka.yaml"], environment: environment)
        return try ServerConfiguration(reader: reader, layout: TestProject.layout)
    }

    @Test("the journal lies in the state folder, one folder per service name; SERVER_JOURNAL_DIRECTORY moves it")
    func journalDirectory() async throws {
        let defaults = try await configuration([:])
        #expect(
            defaults.journal.directory == TestProject.layout.resolve(".homeprice/server/journal").appendingPathComponent("server-0"))
        #expect(!defaults.journal.syncEveryWrite && defaults.journal.segmentBytes <= defaults.journal.maxBytes)
        let moved = try await configuration(["SERVER_JOURNAL_DIRECTORY": "/var/tmp/hp-journal", "SERVER_SERVICE_NAME": "server-7"])
        #expect(moved.journal.directory.path == "/var/tmp/hp-journal/server-7")
        await #expect(throws: ServerError.self) {
            _ = try await configuration(["SERVER_JOURNAL_SEGMENT_BYTES": "2048", "SERVER_JOURNAL_MAX_BYTES": "1024"])
        }
    }
}
