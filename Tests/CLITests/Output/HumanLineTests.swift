import Foundation
import HomePriceCLI
import Kafka
import Pipeline
import Schema
import Testing

@Suite("homeprice tail --human")
struct HumanLineTests {
    @Test("a monitoring event reads as time, service, kind, severity, name and message, then labels and values")
    func monitoringEvent() throws {
        let event = MonitoringEvent(
            service: "monitor", kind: .alert, name: "drift.alert", values: ["psi": 0.5312, "rows": 1000],
            labels: ["region": "US", "feature": "livingArea"], severity: .error, message: "sustained drift of livingArea in US",
            at: Date(timeIntervalSince1970: 1_700_000_000))
        let message = try KafkaProducerMessage(event)
        let consumed = KafkaConsumerMessage(
            topic: message.topic, partition: 0, offset: 0, key: message.key, value: message.value, headers: [], timestamp: nil)
        #expect(
            HumanLine.line(consumed)
                == "2023-11-14T22:13:20Z monitor alert ERROR drift.alert: sustained drift of livingArea in US feature=livingArea region=US psi=0.5312 rows=1000"
        )
    }

    @Test("a prediction reads as time, id, region, model and version, arm, value, currency and interval")
    func prediction() throws {
        let prediction = Prediction(
            predictionId: "demo-before-de-7", requestId: "demo-before-de-7", region: "DE", modelName: "homeprice-de",
            modelVersion: "3", arm: .b, value: 284_000, interval: PredictionInterval(lower: 251_000, upper: 319_500, confidence: 0.9),
            currency: "EUR", predictedAt: Date(timeIntervalSince1970: 1_700_000_000))
        let message = try KafkaProducerMessage(prediction)
        let consumed = KafkaConsumerMessage(
            topic: message.topic, partition: 0, offset: 0, key: message.key, value: message.value, headers: [], timestamp: nil)
        #expect(
            HumanLine.line(consumed)
                == "2023-11-14T22:13:20Z demo-before-de-7 DE homeprice-de@3 arm=B 284000 EUR [251000–319500]")
    }

    @Test("another topic's message reads as its key and type, and garbage says it is unreadable")
    func otherTopics() throws {
        let command = ControlCommand(commandId: "c1", target: "trainer", action: .retrain, issuedBy: "monitor", at: Date())
        let message = try KafkaProducerMessage(command)
        let consumed = KafkaConsumerMessage(
            topic: message.topic, partition: 0, offset: 0, key: message.key, value: message.value, headers: [], timestamp: nil)
        #expect(HumanLine.line(consumed).hasSuffix("pipeline.control trainer ControlCommand"))
        let garbage = KafkaConsumerMessage(
            topic: "pipeline.monitoring", partition: 0, offset: 1, key: nil, value: Array("{".utf8), headers: [], timestamp: nil)
        #expect(HumanLine.line(garbage).contains("unreadable"))
    }
}
