import Kafka
import Schema

extension KafkaProducerMessage {
    /// The Kafka message of a schema message: its topic, its schema key and its JSON.
    /// - Throws: ``PipelineError/Code/encodingFailed`` naming the message's type and key.
    public init(_ message: any SchemaMessage) throws(PipelineError) {
        do {
            self.init(topic: type(of: message).topic.name, key: Array(message.key.utf8), value: Array(try message.encoded()))
        } catch {
            throw PipelineError(.encodingFailed, reason: error.description, input: "\(type(of: message).typeName) \(message.key)")
        }
    }
}
