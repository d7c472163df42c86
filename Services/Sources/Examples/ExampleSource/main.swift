// example-source: a complete source producer in a few lines, using only Shared/Kafka and
// Shared/Schema. It announces the source on sources.catalog (with its mapping, so the
// normalizer needs no file), then publishes every line of a JSON-lines file to homes.raw.
//
//   KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 example-source listings.jsonl
//
// docs/adding-a-source.md walks through it; Tests/SourcesTests runs it against a real broker.
import Foundation
import Kafka
import Logging
import Schema

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: example-source FILE.jsonl (broker from KAFKA_BOOTSTRAP_SERVERS)\n".utf8))
    exit(64)
}
let broker = ProcessInfo.processInfo.environment["KAFKA_BOOTSTRAP_SERVERS"] ?? "127.0.0.1:9092"

// 1. Who we are, and how the normalizer reads our records.
let descriptor = SourceDescriptor(
    id: "example-partner", name: "Example partner agency", kind: .agencyFeed, region: "US", currency: "USD",
    format: .json, locale: "en-US",
    mapping: [
        "address": FieldMapping(path: "address"),
        "price": FieldMapping(path: "price"),
        "livingArea": FieldMapping(path: "area", unit: "sqft"),
        "bedrooms": FieldMapping(path: "beds"),
        "builtYear": FieldMapping(path: "built"),
    ],
    publishedAt: Date())

// 2. One RawRecord per input line, keyed "example-partner/<ref>"; the payload is the line as is.
let lines = try String(contentsOfFile: arguments[1], encoding: .utf8).split(separator: "\n")
var messages: [any SchemaMessage] = [descriptor]
for line in lines {
    struct Reference: Decodable { let ref: String }
    let recordId = try JSONDecoder().decode(Reference.self, from: Data(line.utf8)).ref
    messages.append(
        RawRecord(
            sourceId: descriptor.id, recordId: recordId, region: descriptor.region, fetchedAt: Date(),
            contentType: "application/json", payload: String(line)))
}

// 3. Publish and wait until the broker has every message.
let configuration = KafkaProducerConfiguration(
    client: KafkaClientConfiguration(bootstrapServers: broker, clientId: descriptor.id))
try await KafkaProducer.withProducer(configuration: configuration, logger: Logger(label: "example-source")) { producer in
    _ = try await producer.send(
        try messages.map { message in
            KafkaProducerMessage(
                topic: type(of: message).topic.name, key: Array(message.key.utf8), value: Array(try message.encoded()))
        })
}
print("published \(lines.count) records of \(descriptor.id) to \(broker)")
