import Kafka
import Logging
import Schema
import ServiceLifecycle
import ServiceSupport

extension LatestValueReader {
    /// The latest value per key of everything on `Message.topic` when called: a reader runs
    /// until it has read the topic to its end (bounded by `timeout`), then stops. For commands
    /// and benchmarks that need the topic's state once; services keep a reader running.
    ///
    /// - Throws: `DeadlineExceeded` when the end is not reached in time, `KafkaError` when a
    ///   client cannot be created or the watermarks cannot be read.
    public static func snapshot(
        settings: KafkaSettings, clientId: String, timeout: Duration, logger: Logger
    ) async throws -> [String: Message] {
        let consumer = try KafkaConsumer(configuration: consumerConfiguration(settings: settings, clientId: clientId), logger: logger)
        let reader = LatestValueReader(consumer: consumer, logger: logger)
        let admin = try KafkaAdmin(configuration: settings.client, timeout: timeout)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [consumer, reader], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var failure: (any Error)?
            do {
                try await withDeadline(timeout, waitingFor: "the end of \(Message.topic.name)") {
                    try await reader.waitUntilCaughtUp(admin: admin)
                }
            } catch {
                failure = error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            if let failure { throw failure }
        }
        return reader.values
    }
}
