import Foundation
import Kafka
import Pipeline
import Schema
import Testing

@Suite("Kafka messages from schema messages")
struct KafkaProducerMessageSchemaTests {
    @Test("A schema message becomes a Kafka message on its topic, under its key, with its JSON")
    func messageCarriesTopicKeyAndJSON() throws {
        let event = MonitoringEvent(
            service: "trainer", kind: .metric, name: "rows", values: ["rows": 3], at: Date(timeIntervalSince1970: 0))
        let message = try KafkaProducerMessage(event)
        #expect(message.topic == "pipeline.monitoring")
        #expect(message.key == Array("trainer".utf8))
        #expect(try MonitoringEvent.decode(from: Data(message.value)) == event)
    }
}
