import Foundation
import Kafka
import Pipeline
import Schema
import ServiceSupport

/// The fresh tansu broker a benchmark measures on: started for the run, with every HomePrice
/// topic and the benchmark's own relay topics, and stopped when the run's work returns or
/// fails.
enum BenchBroker {
    /// Starts tansu (its log in `logFile`, when given), creates every HomePrice topic and
    /// `relayTopics` (as many partitions as `homes.raw`), runs `body` with `kafka` connecting
    /// to it, and stops the broker whether `body` returns or throws.
    ///
    /// The admin client is gone before `body` starts, so it does not outlive the broker and
    /// log connection failures after the run.
    static func run<Value>(
        layout: ProjectLayout,
        kafka: KafkaSettings,
        logFile: URL? = nil,
        relayTopics: [String] = [],
        _ body: (KafkaSettings) async throws -> Value
    ) async throws -> Value {
        try await TansuBroker.run(layout: layout, logFile: logFile, timeout: kafka.localBrokerStartTimeout) { broker in
            let settings = kafka.connecting(to: broker.bootstrapServers)
            let client = settings.client
            try await withDeadline(.seconds(60), waitingFor: "the benchmark's topics") {
                let admin = try KafkaAdmin(configuration: client)
                try await TopicProvisioner.createAll(using: admin)
                try await admin.createTopics(
                    relayTopics.map { KafkaTopicSpecification(name: $0, partitions: Topic.homesRaw.defaultPartitionCount) })
            }
            return try await body(settings)
        }
    }
}
