import Foundation
import Kafka
import Logging
import ModelRegistry
import Pipeline
import Schema
import ServiceLifecycle
import ServiceSupport

/// What the `models` and `review` commands need of the broker: a latest-per-key topic
/// (`models.registry`, `review.tasks`) read to its end, and one message published with an
/// awaited send.
///
/// Every call first checks that a broker answers and holds the topic, so an unreachable broker
/// or a cluster without the design's topics is one clear error instead of a stalled read.
struct ModelsConnection {
    /// The broker and client settings.
    let kafka: KafkaSettings
    /// The logger of the Kafka clients.
    let logger: Logger
    /// The command group named in errors, `models` or `review`.
    var command = "models"
    /// How long the broker may take to answer the first request.
    private static let answerTimeout: Duration = .seconds(5)
    /// How long reading the registry to its end may take.
    private static let readTimeout: Duration = .seconds(30)

    private var bootstrapServers: String { kafka.client.bootstrapServers }

    /// The registry as `models.registry` holds it now: every message on the topic when called,
    /// read as latest value per key.
    ///
    /// - Throws: ``ModelsCommandError`` when the broker does not answer, the topic is missing or
    ///   the topic cannot be read to its end in time.
    func readRegistry() async throws(ModelsCommandError) -> RegistryState {
        RegistryState(latestPerKey: try await readLatest(ModelEvent.self))
    }

    /// The latest message per key of `Message`'s topic: every message on it when called.
    ///
    /// - Throws: ``ModelsCommandError`` when the broker does not answer, the topic is missing or
    ///   the topic cannot be read to its end in time.
    func readLatest<Message: SchemaMessage>(_ type: Message.Type) async throws(ModelsCommandError) -> [String: Message] {
        try await requireTopic(Message.topic)
        let topic = Message.topic.name
        do {
            return try await LatestValueReader<Message>.snapshot(
                settings: kafka, clientId: "homeprice-\(command)-\(ProcessInfo.processInfo.processIdentifier)", timeout: Self.readTimeout,
                logger: logger)
        } catch {
            throw ModelsCommandError(.topicUnreadable, reason: "cannot read \(topic) to its end: \(error)", input: topic, command: command)
        }
    }

    /// Publishes `message` on its topic under its key and returns once the broker stored it.
    ///
    /// - Throws: ``ModelsCommandError`` when the broker does not answer, the topic is missing or
    ///   the message is not delivered.
    func publish(_ message: any SchemaMessage) async throws(ModelsCommandError) {
        let topic = type(of: message).topic
        try await requireTopic(topic)
        do {
            try await KafkaProducer.withProducer(configuration: kafka.producer(clientId: "homeprice-\(command)"), logger: logger) {
                producer in
                try await KafkaPublisher(producer: producer).publish([message])
            }
        } catch {
            throw ModelsCommandError(.publishFailed, reason: "\(error)", input: "\(topic.name) \(message.key)", command: command)
        }
    }

    /// Checks that a broker answers within five seconds and holds `topic`.
    private func requireTopic(_ topic: Topic) async throws(ModelsCommandError) {
        // The probe's failure is the one line reported: librdkafka would print every failed
        // connection attempt on standard error.
        var client = kafka.client
        client.properties["log_level"] = "0"
        let names: [String]
        do {
            names = try await KafkaAdmin(configuration: client, timeout: Self.answerTimeout).listTopics().map(\.name)
        } catch {
            throw ModelsCommandError(
                .brokerUnreachable,
                reason:
                    "no broker answers within \(Self.answerTimeout); start the local cluster with `homeprice up` or pass --bootstrap-servers",
                input: bootstrapServers, command: command)
        }
        guard names.contains(topic.name) else {
            throw ModelsCommandError(
                .topicMissing, reason: "the broker has no topic \(topic.name); `homeprice topics --create` creates the design's topics",
                input: bootstrapServers, command: command)
        }
    }
}
