import ArgumentParser
import Foundation
import Kafka

/// `homeprice tail TOPIC`: follows a topic, one JSON document per line.
struct TailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Follow a topic, printing one JSON document per message (pipe into jq)."
    )

    @Argument(help: "The topic, e.g. pipeline.monitoring.")
    var topic: String

    @Flag(help: "Start at the oldest stored message instead of new ones.")
    var fromBeginning = false

    @Option(help: "Stop after this many messages.")
    var count: Int?

    @Option(help: "Read as a member of this consumer group, committing each printed message.")
    var group: String?

    @Option(help: "Stop after this many seconds without a message.")
    var idleTimeout: Double?

    @Flag(help: "One readable line per message (time, service, kind, severity, message, labels, values) instead of JSON.")
    var human = false

    func run() async throws {
        let environment = try await CLIEnvironment.load()
        let consumer = try await makeConsumer(environment)
        let count = count, human = human
        if let count, count <= 0 { return }
        try await withIdleTimeout { touch in
            var printed = 0
            for try await message in consumer.messages {
                touch()
                let line = human ? HumanLine.line(message) : TailRecord.line(message)
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
                try consumer.storeOffset(message)
                printed += 1
                if let count, printed >= count { break }
            }
        }
        await consumer.close()
    }

    private func makeConsumer(_ environment: CLIEnvironment) async throws -> KafkaConsumer {
        var configuration: KafkaConsumerConfiguration
        if let group {
            configuration = environment.kafka.consumer(subscription: .group(id: group, topics: [topic]), clientId: "homeprice-tail")
            configuration.offsetReset = fromBeginning ? .earliest : .latest
        } else {
            let topics = try await environment.admin().listTopics()
            guard let description = topics.first(where: { $0.name == topic }) else {
                throw ValidationError("no topic named \(topic); `homeprice topics` lists them")
            }
            // Explicit end offsets: tansu's "latest" offset is wrong after multi-record batches.
            let ends = fromBeginning ? [] : try await environment.admin().watermarks(topic: topic, partitions: description.partitions)
            let partitions = description.partitions.map { partition in
                let end = ends.first { $0.partition == partition }.map(\.high)
                return KafkaTopicPartitionOffset(
                    topic: topic, partition: partition, position: end.map { .offset($0) } ?? .beginning
                )
            }
            configuration = environment.kafka.consumer(subscription: .partitions(partitions), clientId: "homeprice-tail-\(getpid())")
        }
        return try KafkaConsumer(configuration: configuration, logger: environment.logger)
    }

    /// Runs `body`; with `--idle-timeout`, ends it once no message arrived for that long.
    private func withIdleTimeout(_ body: @escaping @Sendable (@escaping @Sendable () -> Void) async throws -> Void) async throws {
        guard let idleTimeout else {
            try await body {}
            return
        }
        let lastMessage = LastActivity()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await body { lastMessage.touch() } }
            group.addTask {
                while lastMessage.idle < idleTimeout {
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            _ = try await group.next()
            group.cancelAll()
        }
    }
}
