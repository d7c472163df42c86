import Foundation
import Kafka
import Logging
import ServiceSupport
import Synchronization
import TestSupport
import Testing

@Suite("A broker outage is one warning, not one line per retry")
struct ConnectivityLogTests {
    /// Keeps every log line's level and message.
    final class Recorder: LogHandler, @unchecked Sendable {
        let lines = Mutex<[(Logger.Level, String)]>([])
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            lines.withLock { $0.append((event.level, "\(event.message)")) }
        }
    }

    @Test("a producer whose broker is gone warns once and then retries at debug level")
    func producerWarnsOncePerOutage() async throws {
        let recorder = Recorder()
        let logger = Logger(label: "test.connectivity") { _ in recorder }
        let configuration = KafkaTestClients.producer("127.0.0.1:\(LocalPort.free())")
        try await KafkaProducer.withProducer(configuration: configuration, logger: logger) { _ in
            try await withDeadline(.seconds(120), waitingFor: "several reconnection attempts") {
                while recorder.lines.withLock({ $0.count { $0.0 == .debug } }) < 3 { try await Task.sleep(for: .milliseconds(50)) }
            }
        }
        let lines = recorder.lines.withLock { $0 }
        let warnings = lines.filter { $0.0 >= .warning }
        #expect(warnings.count == 1, "\(warnings)")
        #expect(warnings.first?.1.contains("broker unreachable") == true)
        #expect(!lines.contains { $0.1.contains("fatal") })
    }
}
