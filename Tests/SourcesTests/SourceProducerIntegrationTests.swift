import Foundation
import Kafka
import Logging
import Pipeline
import Scenario
import Schema
import ServiceSupport
import Sources
import TestSupport
import Testing

@Suite("Source producers against a real tansu broker", .serialized)
struct SourceProducerIntegrationTests {
    static let seedData = TestProject.layout.root.appendingPathComponent("data")

    @Test("each producer publishes exactly its input's records and dead-letters malformed input")
    func producersPublishGroundTruthAndSurviveMalformedInput() async throws {
        let broker = try await TestProject.startBroker()
        defer { Task { await broker.stop() } }
        for topic in [Topic.homesRaw, .homesDeadLetter, .sourcesCatalog] {
            try await KafkaTestClients.createTopic(topic.name, partitions: topic.defaultPartitionCount, on: broker.bootstrapServers)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sources-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try ScenarioGenerator(parameters: .init(seed: 5, homes: 400, output: folder, seedData: Self.seedData, recordsPerDropFile: 50))
            .generate()
        let truth = try String(contentsOf: folder.appendingPathComponent("ground-truth.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONDecoder().decode(GroundTruthEntry.self, from: Data($0.utf8)) }

        // Malformed input: a CSV row with too few fields, an invalid JSON line, an XML file cut in half.
        let sales = folder.appendingPathComponent("government/us-county-sales/zz-bad.csv")
        try (USCountySalesHeader.text + "\nP9,ONLY,THREE\n").write(to: sales, atomically: true, encoding: .utf8)
        let openData = folder.appendingPathComponent("datasets/us-open-data.jsonl")
        let handle = try FileHandle(forWritingTo: openData)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"id\": \"OD-broken\", \"location\": \n".utf8))
        try handle.close()
        let registry = folder.appendingPathComponent("government/ca-land-registry/zz-cut.xml")
        try "<?xml version=\"1.0\"?>\n<LandRegistry>\n<Sale id=\"ON-cut-1\"><Price>1</Price></Sale>\n<Sale id=\"ON-cut-2\"><Pri".write(
            to: registry, atomically: true, encoding: .utf8)

        let configurations = [
            Self.configuration(
                .usCountySales, input: folder.appendingPathComponent("government/us-county-sales"), recordId: "PARCEL_ID", folder: folder),
            Self.configuration(.usOpenData, input: openData, recordId: "id", folder: folder),
            Self.configuration(
                .caLandRegistry, input: folder.appendingPathComponent("government/ca-land-registry"), recordId: "@id", element: "Sale",
                folder: folder),
        ]
        let summaries = try await KafkaProducer.withProducer(
            configuration: KafkaTestClients.producer(broker.bootstrapServers), logger: KafkaTestClients.logger
        ) { producer in
            var summaries: [String: IngestionSummary] = [:]
            for configuration in configurations {
                let source = SourceProducer(
                    configuration: configuration, publisher: KafkaPublisher(producer: producer), logger: KafkaTestClients.logger)
                try await source.announce()
                summaries[configuration.descriptor.id] = try await source.ingestAvailable()
                let again = try await source.ingestAvailable()
                #expect(again == IngestionSummary(), "files already read are not published again")
            }
            return summaries
        }

        let expectedRaw = truth.filter { ["us-county-sales", "us-open-data", "ca-land-registry"].contains($0.sourceId) }.count + 1
        #expect(summaries.values.map(\.records).reduce(0, +) == expectedRaw, "\(summaries)")
        #expect(summaries.values.map(\.deadLetters).reduce(0, +) == 3, "\(summaries)")
        let consumer = try KafkaConsumer(
            configuration: KafkaTestClients.groupConsumer(
                broker.bootstrapServers, group: "sources-test", topics: [Topic.homesRaw.name, Topic.homesDeadLetter.name]),
            logger: KafkaTestClients.logger)
        let received = try await withDeadline(.seconds(120), waitingFor: "\(expectedRaw) raw records and 3 dead letters") {
            var raw: [RawRecord] = [], dead: [DeadLetter] = []
            for try await message in consumer.messages {
                if message.topic == Topic.homesRaw.name {
                    raw.append(try RawRecord.decode(from: Data(message.value)))
                } else {
                    dead.append(try DeadLetter.decode(from: Data(message.value)))
                }
                if raw.count == expectedRaw && dead.count == 3 { break }
            }
            return (raw, dead)
        }
        await consumer.close()

        for source in ["us-county-sales", "us-open-data"] {
            let expected = Set(truth.filter { $0.sourceId == source }.map(\.key))
            #expect(Set(received.0.filter { $0.sourceId == source }.map(\.key)) == expected)
        }
        let registryKeys = Set(received.0.filter { $0.sourceId == "ca-land-registry" }.map(\.key))
        #expect(registryKeys == Set(truth.filter { $0.sourceId == "ca-land-registry" }.map(\.key)).union(["ca-land-registry/ON-cut-1"]))
        #expect(summaries["us-county-sales"]?.deadLetters == 1)
        let codes = Set(received.1.flatMap(\.reasons).map(\.code))
        #expect(codes == ["ingestion.csvFieldCount", "ingestion.invalidJSON", "ingestion.malformedXML"])
        #expect(received.1.allSatisfy { $0.stage == .ingestion && !$0.reasons[0].message.isEmpty })
    }

    static func configuration(_ source: ScenarioSource, input: URL, recordId: String, element: String = "Record", folder: URL)
        -> ProducerConfiguration
    {
        ProducerConfiguration(
            descriptor: SourceDescriptor(
                id: source.id, name: source.id, kind: source.kind, region: source.region.rawValue, currency: source.region.currency,
                format: source.format, mapping: [:], publishedAt: Date()),
            input: .path(input, watch: false), recordIdPath: recordId, xmlRecordElement: element, batchSize: 200, timing: .fastForTests,
            stateFile: folder.appendingPathComponent("state/\(source.id).json"))
    }
}

/// The header of the county sales CSV, as the generator writes it.
enum USCountySalesHeader {
    static let text = "PARCEL_ID,SITE_ADDRESS,CITY,STATE,ZIP,SALE_PRICE,YEAR_BUILT,LIVING_SQFT,LOT_ACRES,BEDROOMS,FULL_BATHS,HALF_BATHS"
}
