import Foundation
import Kafka
import Logging
import Schema
import ServiceLifecycle
import ServiceSupport
import Synchronization

/// Reads a compacted topic (`sources.catalog`, `models.registry`) as "latest value per key",
/// whether or not the broker compacts.
///
/// It reads every partition from the beginning outside any consumer group, so every instance
/// of a service sees every entry. An unreadable entry (not JSON, the wrong shape, a schema
/// version this build does not know) is skipped — a reader never stops on one bad message —
/// and, when the reader has a ``DeadLetterPublisher``, dead-lettered with the schema's reason
/// (`schema.invalidJSON`, `schema.unsupportedSchemaVersion`, …); an empty value (a tombstone)
/// removes its key. Of two numbered versions of an entity (``Schema/SchemaMessage/entityVersion``)
/// the newer one is kept, whichever came last; a tombstone forgets the key and its version, so
/// a version older than the removed one is taken after it (the numbered topics carry no
/// tombstones: a retired home is a message of its own).
///
/// **One dead letter per entry and process.** The reader re-reads the topic on every start, so
/// each start of a service dead-letters a bad entry again (same origin topic, partition and
/// offset, so a reader of `homes.deadletter` can recognise the repeat); within one
/// process an offset is dead-lettered at most once, even if the consumer re-delivers it.
/// Marking entries as dead-lettered across restarts would need committed offsets for a
/// consumer outside any group, and `homes.deadletter` is not compacted, so a stable key alone
/// would not replace the earlier letter.
/// ``waitUntilCaughtUp(admin:)`` returns once everything on the topic when it was called has
/// been read, so a service can act on the whole state (the trainer picks the next version
/// number only then).
public final class LatestValueReader<Message: SchemaMessage>: Service, Sendable {
    private struct State {
        var values: [String: Message] = [:]
        /// The offset after the last message read, per partition.
        var positions: [Int32: Int64] = [:]
        var waiters: [(id: Int, targets: [Int32: Int64], continuation: CheckedContinuation<Void, any Error>)] = []
        var nextWaiter = 0
        var finished = false

        func reached(_ targets: [Int32: Int64]) -> Bool {
            targets.allSatisfy { partition, high in (positions[partition] ?? 0) >= high }
        }
    }

    private let consumer: KafkaConsumer
    private let onUpdate: (@Sendable (Message) -> Void)?
    private let deadLetters: DeadLetterPublisher?
    private let logger: Logger
    private let state = Mutex(State())

    /// Creates a reader over `consumer`, which must be assigned every partition of
    /// `Message.topic` from the beginning (``consumerConfiguration(settings:clientId:)``).
    /// - Parameters:
    ///   - deadLetters: Dead-letters unreadable entries; `nil` (commands and benchmarks that
    ///     only take a snapshot) logs and skips them.
    ///   - onUpdate: Called with every value stored (not with an older version of a value held).
    public init(
        consumer: KafkaConsumer, deadLetters: DeadLetterPublisher? = nil, logger: Logger,
        onUpdate: (@Sendable (Message) -> Void)? = nil
    ) {
        self.consumer = consumer
        self.deadLetters = deadLetters
        self.logger = logger
        self.onUpdate = onUpdate
    }

    /// The configuration of a reader-mode consumer of every partition of `Message.topic`
    /// from the beginning.
    public static func consumerConfiguration(settings: KafkaSettings, clientId: String) -> KafkaConsumerConfiguration {
        let partitions = (0..<Int32(Message.topic.defaultPartitionCount)).map {
            KafkaTopicPartitionOffset(topic: Message.topic.name, partition: $0, position: .beginning)
        }
        return settings.consumer(subscription: .partitions(partitions), clientId: clientId)
    }

    /// The latest value of every key read so far.
    public var values: [String: Message] { state.withLock { $0.values } }

    /// The latest value of `key`, if one was read.
    public func value(forKey key: String) -> Message? { state.withLock { $0.values[key] } }

    /// Reads until the consumer closes or the service group shuts down.
    public func run() async throws {
        defer { finish() }
        try await cancelWhenGracefulShutdown {
            for try await message in self.consumer.messages {
                if let reasons = self.read(message) {
                    await self.deadLetters?.deadLetter(message, reasons: reasons)
                }
            }
        }
    }

    /// Stores one consumed message.
    /// - Returns: Why the message is unreadable when it is and was not read before in this
    ///   process (so it is dead-lettered once); `nil` otherwise.
    private func read(_ message: KafkaConsumerMessage) -> [FailureReason]? {
        var decoded: Message?
        var failure: SchemaError?
        if !message.value.isEmpty {
            do {
                decoded = try Message.decode(from: Data(message.value))
            } catch {
                failure = error
                logger.warning(
                    "unreadable \(Message.topic.name) entry skipped",
                    metadata: ["kafka.position": "\(message.position)", "error": "\(error)"])
            }
        }
        let (ready, firstRead, stored) = state.withLock { state in
            let firstRead = message.offset >= state.positions[message.partition] ?? 0
            var stored = false
            if let decoded {
                stored = decoded.replaces(state.values[decoded.key])
                if stored { state.values[decoded.key] = decoded }
            } else if message.value.isEmpty, let key = message.keyString {
                state.values[key] = nil
            }
            state.positions[message.partition] = max(state.positions[message.partition] ?? 0, message.offset + 1)
            let ready = state.waiters.filter { state.reached($0.targets) }
            state.waiters.removeAll { waiter in ready.contains { $0.id == waiter.id } }
            return (ready.map(\.continuation), firstRead, stored)
        }
        if let decoded, stored { onUpdate?(decoded) }
        ready.forEach { $0.resume() }
        guard let failure, firstRead else { return nil }
        return failure.failureReasons
    }

    /// Returns once every message that was on the topic when called has been read.
    /// - Throws: `CancellationError` when cancelled, ``PipelineError`` when the watermarks
    ///   cannot be read or the reader stopped first.
    public func waitUntilCaughtUp(admin: KafkaAdmin) async throws {
        let partitions = (0..<Int32(Message.topic.defaultPartitionCount)).map { $0 }
        let watermarks: [KafkaWatermarks]
        do {
            watermarks = try await admin.watermarks(topic: Message.topic.name, partitions: partitions)
        } catch {
            throw PipelineError(.consumeFailed, reason: "cannot read the watermarks: \(error)", input: Message.topic.name)
        }
        try await waitUntilRead(Dictionary(uniqueKeysWithValues: watermarks.map { ($0.partition, $0.high) }))
    }

    /// Returns once the reader has read up to `targets` (the offset after the last message to
    /// wait for, per partition).
    public func waitUntilRead(_ targets: [Int32: Int64]) async throws {
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome: Result<Void, any Error>? = state.withLock { state in
                    if state.reached(targets) { return .success(()) }
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if state.finished {
                        return .failure(PipelineError(.consumeFailed, reason: "the reader stopped", input: Message.topic.name))
                    }
                    state.waiters.append((id, targets, continuation))
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                let index = state.waiters.firstIndex { $0.id == id }
                return index.map { state.waiters.remove(at: $0).continuation }
            }
            waiter?.resume(throwing: CancellationError())
        }
    }

    private func finish() {
        let waiters = state.withLock { state in
            state.finished = true
            defer { state.waiters = [] }
            return state.waiters.map(\.continuation)
        }
        waiters.forEach { $0.resume(throwing: PipelineError(.consumeFailed, reason: "the reader stopped", input: Message.topic.name)) }
    }
}
