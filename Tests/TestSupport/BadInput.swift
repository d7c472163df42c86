import Foundation
import Kafka
import Pipeline
import Schema
import ServiceLifecycle
import ServiceSupport
import Testing

/// Bad messages for the "bad input on every topic" tests: published on each topic a service
/// consumes, then checked for on `homes.deadletter`.
///
/// Each kind is modelled on a good message of the topic, so it reaches the decoder the way a
/// real message would: bytes that are not JSON, cut JSON, JSON of the wrong type, the good
/// message with a number for every string, the good message at a future schema version, and
/// an oversized payload (as large as the test broker takes with the default limits).
public struct BadInput: Sendable {
    /// One published bad message: its kind and where the broker stored it.
    public struct Published: Sendable, CustomStringConvertible {
        /// `notJSON`, `truncatedJSON`, `wrongType`, `numbersForStrings`, `futureVersion` or `oversized`.
        public let kind: String
        /// The topic, partition and offset the broker gave it.
        public let origin: MessageOrigin
        /// The payload's size in bytes.
        public let bytes: Int

        public var description: String { "\(kind) on \(origin.topic)/\(origin.partition)/\(origin.offset)" }
    }

    /// The size of the oversized payload: under librdkafka's default `message.max.bytes`
    /// (1,000,000) with room for the key and the batch framing.
    public static let oversizedBytes = 900_000

    /// The schema version no build knows.
    public static let futureVersion = 999

    /// Every bad message published so far.
    public private(set) var published: [Published] = []

    /// Creates an empty record of bad messages.
    public init() {}

    /// The bad messages for `good`'s topic, keyed `<keyPrefix>-<kind>`.
    public static func messages(like good: some SchemaMessage, keyPrefix: String) throws -> [(kind: String, message: KafkaProducerMessage)]
    {
        let topic = type(of: good).topic.name
        let json = try good.encoded()
        var object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any], "\(topic)'s good message is an object")
        var future = object
        future["schemaVersion"] = futureVersion
        for (field, value) in object where value is String { object[field] = 12_345 }
        let oversized = Data(#"{"schemaVersion": 1, "padding": ""#.utf8) + Data(repeating: UInt8(ascii: "x"), count: oversizedBytes)
        let payloads: [(String, Data)] = [
            ("notJSON", Data([0xFF, 0xFE, 0x00, 0x42]) + Data("not json at all".utf8)),
            ("truncatedJSON", json.prefix(json.count / 2)),
            ("wrongType", Data(#"["an", "array", 42]"#.utf8)),
            ("numbersForStrings", try JSONSerialization.data(withJSONObject: object)),
            ("futureVersion", try JSONSerialization.data(withJSONObject: future)),
            ("oversized", oversized),
        ]
        return payloads.map { kind, payload in
            (kind, KafkaProducerMessage(topic: topic, key: Array("\(keyPrefix)-\(kind)".utf8), value: Array(payload)))
        }
    }

    /// Publishes every bad message modelled on `good` (keyed `<keyPrefix>-<kind>`), then `good`
    /// itself, to `bootstrapServers`, and records where the bad ones went.
    public mutating func publish(like good: some SchemaMessage, keyPrefix: String, to bootstrapServers: String) async throws {
        let bad = try Self.messages(like: good, keyPrefix: keyPrefix)
        let batch = bad.map(\.message) + [try KafkaProducerMessage(good)]
        let reports = try await KafkaProducer.withProducer(
            configuration: KafkaTestClients.producer(bootstrapServers), logger: KafkaTestClients.logger
        ) { producer in try await producer.send(batch) }
        for ((kind, message), report) in zip(bad, reports) {
            published.append(
                Published(
                    kind: kind, origin: MessageOrigin(topic: report.topic, partition: Int(report.partition), offset: report.offset),
                    bytes: message.value.count))
        }
    }

    /// The dead letter `message` holds when it is one of `stage` for a message from `origins`.
    private static func letter(in message: KafkaConsumerMessage, by stage: PipelineStage, from origins: Set<String>)
        -> (letter: DeadLetter, bytes: Int)?
    {
        guard let letter = try? DeadLetter.decode(from: Data(message.value)), letter.stage == stage, let origin = letter.origin,
            origins.contains(position(origin))
        else { return nil }
        return (letter, message.value.count)
    }

    /// `topic/partition/offset`.
    private static func position(_ origin: MessageOrigin) -> String {
        "\(origin.topic)/\(origin.partition)/\(origin.offset)"
    }

    /// The reason code a consumer that decodes with the shared schema gives each kind.
    public static func schemaCode(of kind: String) -> String {
        switch kind {
        case "wrongType", "numbersForStrings": "schema.typeMismatch"
        case "futureVersion": "schema.unsupportedSchemaVersion"
        default: "schema.invalidJSON"
        }
    }

    /// Waits until every bad message published has a dead letter of `stage` naming its origin,
    /// then checks each: one dead letter per message, among its reasons the code `reasonCode`
    /// gives, the original's length and SHA-256 when the payload was cut, and the dead letter
    /// itself bounded.
    public func expectDeadLettered(
        by stage: PipelineStage, on bootstrapServers: String, timeout: Duration = .seconds(180),
        reasonCode: (Published) -> String = { BadInput.schemaCode(of: $0.kind) }
    ) async throws {
        let origins = Set(published.map { Self.position($0.origin) })
        let letters: [(letter: DeadLetter, bytes: Int)]
        do {
            letters = try await TopicContents.read(
                of: [(Topic.homesDeadLetter.name, Topic.homesDeadLetter.defaultPartitionCount)], bootstrapServers: bootstrapServers,
                timeout: timeout, until: "dead letters of \(published.count) bad messages by \(stage.rawValue)",
                as: { message in Self.letter(in: message, by: stage, from: origins) }
            ) { letters in Set(letters.compactMap { $0.letter.origin.map(Self.position) }) == origins }
        } catch {
            let found = try await TopicContents.read(
                topic: Topic.homesDeadLetter.name, partitions: Topic.homesDeadLetter.defaultPartitionCount,
                bootstrapServers: bootstrapServers
            ).compactMap { Self.letter(in: $0, by: stage, from: origins)?.letter.origin.map(Self.position) }
            Issue.record("no dead letter by \(stage.rawValue) for \(published.filter { !found.contains(Self.position($0.origin)) })")
            throw error
        }
        for bad in published {
            let mine = letters.filter { $0.letter.origin == bad.origin }
            #expect(mine.count == 1, "one dead letter for \(bad)")
            guard let (letter, bytes) = mine.first.map({ ($0.letter, $0.bytes) }) else { continue }
            let code = reasonCode(bad)
            #expect(letter.reasons.contains { $0.code == code }, "\(bad) is dead-lettered as \(code): \(letter.reasons)")
            #expect(bytes < 40_000, "the dead letter of \(bad) is bounded (\(bytes) bytes)")
            if bad.kind == "oversized" {
                #expect(letter.originalLength == bad.bytes && letter.originalSHA256?.count == 64, "\(bad) keeps its length and hash")
            }
        }
    }

    /// Waits until the service's reader of `good`'s compacted topic (found in `services`) has
    /// read the topic to its end, then expects it to hold `good`, published after the bad
    /// entries: the reader went on past them.
    public static func expectReadPast<Message: SchemaMessage>(to good: Message, in services: [any Service], admin: KafkaAdmin)
        async throws
    {
        let reader = try #require(
            services.compactMap { $0 as? LatestValueReader<Message> }.first, "the service reads \(Message.topic.name)")
        try await withDeadline(.seconds(120), waitingFor: "\(Message.topic.name) read to its end") {
            try await reader.waitUntilCaughtUp(admin: admin)
        }
        #expect(reader.value(forKey: good.key) == good, "the \(Message.topic.name) reader read past the bad entries")
    }
}
