import Foundation
import Kafka
import Schema
import ServiceSupport
import TestSupport
import Testing

@Suite("docs/adding-a-source.md, as written", .serialized)
struct AddingASourceDocumentationTests {
    static let document = TestProject.layout.root.appendingPathComponent("docs/adding-a-source.md")
    static let documentedBroker = "127.0.0.1:9092"

    @Test("(c) the kcat example publishes a catalog entry and a raw record the schema decodes")
    func kcatExampleWorksAsWritten() async throws {
        let commands = try Self.testedBlock()
        try #require(commands.contains("kcat -P -b \(Self.documentedBroker)"))
        try await TestProject.withBroker { broker in
            try await Self.createTopics(on: broker)
            let run = try await ExecutableRun.run(
                URL(fileURLWithPath: "/bin/sh"),
                ["-e", "-c", commands.replacingOccurrences(of: Self.documentedBroker, with: broker.bootstrapServers)],
                environment: ["LD_LIBRARY_PATH": TestProject.layout.virtualEnvironment.appendingPathComponent("librdkafka").path])
            #expect(run.status == 0, "\(run.errors)")

            let raw = try await Self.read(.homesRaw, on: broker)
            try #require(raw.count == 1)
            #expect(raw[0].keyString == "kcat-partner/K-1001")
            let record = try RawRecord.decode(from: Data(raw[0].value))
            #expect(record.key == "kcat-partner/K-1001")
            #expect(record.region == "CA")
            #expect(record.fetchedAt == Date(timeIntervalSince1970: 1_736_933_400))
            let payload = try #require(try JSONSerialization.jsonObject(with: Data(record.payload.utf8)) as? [String: Any])
            #expect(payload["ref"] as? String == "K-1001")
            #expect(payload["price"] as? String == "$650,000")

            let entries = try await Self.read(.sourcesCatalog, on: broker).map { try SourceDescriptor.decode(from: Data($0.value)) }
            #expect(entries.map(\.id) == ["kcat-partner"])
            #expect(entries.first?.mapping["price"] == FieldMapping(path: "price"))
        }
    }

    @Test("(b) the example Swift source announces itself and publishes every line of its file")
    func exampleSwiftSourcePublishesItsFile() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("example-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let lines = (1...3).map { #"{"ref":"P-\#($0)","address":"\#($0) Main St, Ames, IA 50010","price":"$2\#($0)0,000","beds":3}"# }
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        try await TestProject.withBroker { broker in
            try await Self.createTopics(on: broker)
            let run = try await ExecutableRun.run(
                ExecutableRun.product("example-source"), [file.path], environment: ["KAFKA_BOOTSTRAP_SERVERS": broker.bootstrapServers])
            #expect(run.status == 0, "\(run.errors)")
            let records = try await Self.read(.homesRaw, on: broker).map { try RawRecord.decode(from: Data($0.value)) }
            #expect(Set(records.map(\.key)) == ["example-partner/P-1", "example-partner/P-2", "example-partner/P-3"])
            #expect(records.count == 3)
            #expect(Set(records.map(\.payload)) == Set(lines))
            let catalog = try await Self.read(.sourcesCatalog, on: broker).map { try SourceDescriptor.decode(from: Data($0.value)) }
            #expect(catalog.map(\.id) == ["example-partner"])
        }
    }

    @Test("(a) homeprice-source publishes a source configured by files only, then exits")
    func configurationOnlySourceRuns() async throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let data = project.layout.root.appendingPathComponent("incoming.csv")
        try "Objekt-ID;Ort;Kaufpreis\nAT-1;Wien;450.000 €\nAT-2;Graz;310.000 €\nAT-3;Linz\n".write(
            to: data, atomically: true, encoding: .utf8)
        try project.copy("kafka.yaml")
        try project.copy("producers.yaml")
        try project.write("pipeline:\n  name: test\n", to: "pipeline.yaml")
        try project.write(
            """
            id: at-makler-csv
            kind: datasetFile
            region: AT
            currency: EUR
            format: csv
            mapping:
              address.city: { path: Ort }
              price: { path: Kaufpreis }
            """, to: "sources/at-makler-csv.yaml")
        try project.write(
            """
            producer:
              format: csv
              recordId: Objekt-ID
              csv:
                delimiter: ";"
              input:
                type: path
                path: \(data.path)
                watch: false
            """, to: "sources/producers/at-makler-csv.yaml")
        try await TestProject.withBroker { broker in
            try await Self.createTopics(on: broker)
            let run = try await ExecutableRun.run(
                ExecutableRun.product("homeprice-source"), ["--source", "at-makler-csv"],
                environment: ["HOMEPRICE_ROOT": project.layout.root.path, "KAFKA_BOOTSTRAP_SERVERS": broker.bootstrapServers])
            #expect(run.status == 0, "\(run.errors)")
            let records = try await Self.read(.homesRaw, on: broker).map { try RawRecord.decode(from: Data($0.value)) }
            #expect(Set(records.map(\.key)) == ["at-makler-csv/AT-1", "at-makler-csv/AT-2"])
            let dead = try await Self.read(.homesDeadLetter, on: broker).map { try DeadLetter.decode(from: Data($0.value)) }
            #expect(dead.flatMap(\.reasons).map(\.code) == ["ingestion.csvFieldCount"], "the short row is dead-lettered")
            let catalog = try await Self.read(.sourcesCatalog, on: broker).map { try SourceDescriptor.decode(from: Data($0.value)) }
            let expected = try SourceMappingFiles.descriptor(
                sourceId: "at-makler-csv", layout: project.layout, publishedAt: catalog.first?.publishedAt ?? Date())
            #expect(catalog == [expected], "the announced descriptor is the mapping file's")
        }
    }

    /// The fenced block after the `<!-- tested: … -->` marker of the document.
    static func testedBlock() throws -> String {
        let text = try String(contentsOf: document, encoding: .utf8)
        let marker = try #require(text.range(of: "<!-- tested:"))
        let fenceStart = try #require(text.range(of: "```sh\n", range: marker.upperBound..<text.endIndex))
        let fenceEnd = try #require(text.range(of: "\n```", range: fenceStart.upperBound..<text.endIndex))
        return String(text[fenceStart.upperBound..<fenceEnd.lowerBound]) + "\n"
    }

    static func createTopics(on broker: TansuBroker) async throws {
        let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: broker.bootstrapServers))
        try await TopicProvisioner.createAll(using: admin)
    }

    static func read(_ topic: Topic, on broker: TansuBroker) async throws -> [KafkaConsumerMessage] {
        try await TopicContents.read(topic: topic.name, partitions: topic.defaultPartitionCount, bootstrapServers: broker.bootstrapServers)
    }
}
