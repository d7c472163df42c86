import Foundation
import Kafka
import Schema
import Synchronization

/// Follows the topics the main job reports on, from their beginning, and keeps what it saw
/// (``DemoObservations``) for the live view, the waits and the report.
final class DemoWatcher: Sendable {
    /// The followed topics.
    static let topics: [Topic] = [.modelsRegistry, .predictions, .pipelineMonitoring, .pipelineControl, .homesDeadLetter]

    private let state = Mutex(DemoObservations())

    /// What was seen so far.
    var observations: DemoObservations { state.withLock { $0 } }

    /// Reads the topics until cancelled; a message no schema reads is skipped (the stages
    /// dead-letter it themselves).
    func follow(_ environment: CLIEnvironment) async throws {
        let admin = try environment.admin()
        let described = try await admin.listTopics()
        let partitions = Self.topics.flatMap { topic in
            (described.first { $0.name == topic.name }?.partitions ?? []).map {
                KafkaTopicPartitionOffset(topic: topic.name, partition: $0, position: .beginning)
            }
        }
        let consumer = try KafkaConsumer(
            configuration: environment.kafka.consumer(subscription: .partitions(partitions), clientId: "homeprice-demo-\(getpid())"),
            logger: environment.logger)
        do {
            for try await message in consumer.messages {
                guard let topic = Topic(rawValue: message.topic),
                    let decoded = try? topic.decodeMessage(from: Data(message.value))
                else { continue }
                state.withLock { $0.record(decoded) }
            }
        } catch {
            await consumer.close()
            throw error
        }
        await consumer.close()
    }

    /// Waits until `condition` gives a value, checking every 200 ms.
    ///
    /// - Throws: ``DemoFailure`` naming `what` when `timeout` passes first.
    func wait<Value: Sendable>(
        _ what: String, timeout: Duration, until condition: @Sendable (DemoObservations) -> Value?
    ) async throws -> Value {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            if let value = state.withLock({ condition($0) }) { return value }
            guard ContinuousClock.now < deadline else {
                throw DemoFailure(reason: "\(what) did not happen within \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }
}

/// Why the main job stopped before its end.
struct DemoFailure: Error, CustomStringConvertible {
    /// What did not happen or failed.
    var reason: String

    var description: String { reason }
}
