import Foundation
import Kafka
import Logging
import Pipeline
import Schema

/// The normalizer's transform for the shared ``Pipeline/BatchProcessor``: raw records (and
/// decisions on `review.tasks`) in, canonical homes and review tasks out.
///
/// A batch is one warehouse transaction (one sync to disk instead of one per record; each
/// record still nests in its own savepoint), run on a dedicated queue off the cooperative
/// pool. A record the normalizer rejects becomes a failed outcome, so the processor writes the
/// bounded dead letter; a storage failure fails the whole batch (its offsets stay unstored).
public struct NormalizerBatchHandler: BatchHandler {
    private let normalizer: Normalizer
    private let executor = BlockingExecutor(label: "homeprice.normalizer.warehouse")
    private let logger: Logger

    /// Creates the handler around `normalizer`.
    public init(normalizer: Normalizer, logger: Logger) {
        self.normalizer = normalizer
        self.logger = logger
    }

    /// Normalizes every message of `batch` in one warehouse transaction.
    public func handle(_ batch: [KafkaConsumerMessage]) async throws -> [MessageOutcome] {
        try await executor.run { [normalizer, logger] in
            try normalizer.store.transaction { () throws(NormalizationError) -> [MessageOutcome] in
                var outcomes: [MessageOutcome] = []
                outcomes.reserveCapacity(batch.count)
                for message in batch {
                    outcomes.append(Self.outcome(try Self.output(of: message, normalizer: normalizer, logger: logger)))
                }
                return outcomes
            }
        }
    }

    /// What the normalizer made of one message.
    private static func output(
        of message: KafkaConsumerMessage, normalizer: Normalizer, logger: Logger
    ) throws(NormalizationError) -> NormalizerOutput {
        let origin = MessageOrigin(topic: message.topic, partition: Int(message.partition), offset: message.offset)
        if message.topic == Topic.reviewTasks.name {
            guard let task = try? ReviewTask.decode(from: Data(message.value)) else {
                logger.warning("unreadable review task", metadata: ["kafka.position": "\(message.position)"])
                return NormalizerOutput()
            }
            return try normalizer.apply(decision: task)
        }
        return try normalizer.normalize(message: Data(message.value), key: message.keyString, origin: origin)
    }

    /// A rejected record (dead letters and nothing else) is a failure the processor
    /// dead-letters with bounds; anything else is published.
    private static func outcome(_ output: NormalizerOutput) -> MessageOutcome {
        if !output.deadLetters.isEmpty && output.homes.isEmpty && output.reviewTasks.isEmpty {
            return .failed(output.deadLetters.flatMap(\.reasons))
        }
        return .produced(output.homes + output.reviewTasks + output.deadLetters)
    }
}
