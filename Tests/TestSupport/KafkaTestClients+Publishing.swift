import Kafka
import Pipeline
import Schema

extension KafkaTestClients {
    /// Publishes schema messages (each on its type's topic under its key) to `bootstrapServers`
    /// with one awaited send.
    public static func publish(_ messages: [any SchemaMessage], to bootstrapServers: String) async throws {
        let batch = try messages.map { try KafkaProducerMessage($0) }
        _ = try await KafkaProducer.withProducer(configuration: producer(bootstrapServers), logger: logger) { producer in
            try await producer.send(batch)
        }
    }
}
