import Foundation
import Kafka
import Logging
import ModelRegistry
import Pipeline
import Schema
import ServiceLifecycle
import ServiceSupport

/// What the `models` commands need of the broker: the registry read to its end from
/// `models.registry`, and one message published with an awaited send.
///
/// Every call first checks that a broker answers and holds the topic, so an unreachable broker
/// or a cluster without the design's topics is one clear error instead of a stalled read.
struct ModelsConnection {
    /// The broker and client settings.
    let kafka: KafkaSettings
    /// The logger of the Kafka clients.
    let logger: Logger
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
        try await requireTopic(.modelsRegistry)
        let topic = Topic.modelsRegistry.name
        do {
            let values = try await LatestValueReader<ModelEvent>.snapshot(
                settings: kafka, clientId: "homeprice-models-\(ProcessInfo.processInfo.processIdentifier)", timeout: Self.readTimeout,
                logger: logger)
            return RegistryState(latestPerKey: values)
        } catch {
            throw ModelsCommandError(.registryUnreadable, reason: "cannot read the registry to its end: \(error)", input: topic)
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
            try await KafkaProducer.withProducer(configuration: kafka.producer(clientId: "homeprice-models"), logger: logger) { producer in
                try await KafkaPublisher(producer: producer).publish([message])
            }
        } catch {
            throw ModelsCommandError(.publishFailed, reason: "\(error)", input: "\(topic.name) \(message.key)")
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
                input: bootstrapServers)
        }
        guard names.contains(topic.name) else {
            throw ModelsCommandError(
                .topicMissing, reason: "the broker has no topic \(topic.name); `homeprice topics --create` creates the design's topics",
                input: bootstrapServers)
        }
    }
}
