import Foundation
import Schema
import Testing

@Suite("Topics")
struct TopicTests {
    @Test("Topic names are exactly those of the design")
    func namesMatchTheDesign() {
        #expect(
            Topic.allCases.map(\.name) == [
                "homes.raw", "sources.catalog", "homes.normalized", "homes.features", "homes.deadletter",
                "models.registry", "predictions.requests", "predictions", "feedback", "pipeline.monitoring",
                "pipeline.control", "review.tasks",
            ]
        )
    }

    @Test("Only the source catalog and the model registry are compacted")
    func compactedTopics() {
        #expect(Topic.allCases.filter(\.isCompacted) == [.sourcesCatalog, .modelsRegistry])
    }

    @Test("Data topics have six partitions and single-order topics one")
    func partitionCounts() {
        #expect(Topic.homesRaw.defaultPartitionCount == 6)
        #expect(Topic.homesNormalized.defaultPartitionCount == 6)
        #expect(Topic.predictions.defaultPartitionCount == 6)
        #expect(Topic.sourcesCatalog.defaultPartitionCount == 1)
        #expect(Topic.modelsRegistry.defaultPartitionCount == 1)
        #expect(Topic.pipelineControl.defaultPartitionCount == 1)
        #expect(Topic.allCases.allSatisfy { (1...6).contains($0.defaultPartitionCount) })
    }

    @Test("Each topic carries a distinct type that names the topic back", arguments: Topic.allCases)
    func messageTypeNamesItsTopic(topic: Topic) {
        #expect(topic.messageType.topic == topic)
        let carriers = Topic.allCases.filter { $0.messageType == topic.messageType }
        #expect(carriers == [topic])
    }

    @Test("Decoding by topic yields the topic's message type", arguments: Topic.allCases)
    func decodingByTopicYieldsItsType(topic: Topic) throws {
        let sample = Samples.message(for: topic)
        let decoded = try topic.decodeMessage(from: sample.encoded())
        #expect(type(of: decoded) == topic.messageType)
    }

    @Test("Decoding by the wrong topic fails with a schema error")
    func decodingByTheWrongTopicFails() throws {
        let data = try Samples.feedback.encoded()
        let error = try #require(throws: SchemaError.self) {
            try Topic.predictions.decodeMessage(from: data)
        }
        #expect(error.typeName == "Prediction")
        #expect(error.code == .missingField)
    }
}
