import Kafka
import Logging
import Metrics
import Pipeline
import Schema
import ServiceLifecycle
import Synchronization

/// Publishes what the HTTP path produced (predictions, shadow predictions, review tasks,
/// alerts) off the request path, and never loses it: a request's messages are written to the
/// ``PublishingJournal`` before it answers (``enqueue(_:)``); ``run()`` first republishes what
/// a previous process journalled and did not deliver, then sends whatever has gathered, up to
/// the batch size, with one awaited send per batch (so the sends batch themselves under load),
/// and confirms each delivered batch to the journal. Each message is encoded once, on the
/// request, and that encoding is both journalled and sent.
///
/// A failed send is logged, counted (`server_publish_failed_total`) and retried after the
/// configured delay, the batch kept at the head of the queue; a message the broker refuses
/// itself (too large) is found by sending the batch one by one and dropped with an error log
/// (`server_publish_rejected_total`), so it cannot block the queue and fill the journal. On graceful shutdown the queue is
/// drained once more; what still cannot be delivered stays in the journal for the next start.
/// The queue is bounded by the journal's size limit: everything in it is journalled, except
/// the few ``enqueueTransient(_:)`` alerts.
public final class PublishingQueue: Service, Sendable {
    private struct Entry: Sendable {
        let record: KafkaProducerMessage
        /// The journal segment, `nil` for a transient message.
        let segment: UInt64?
    }

    /// The journal every request's messages are written to first.
    public let journal: PublishingJournal
    private let publisher: any MessagePublisher
    private let batchSize: Int
    private let retryDelay: Duration
    private let logger: Logger
    private let pending = Mutex<[Entry]>([])
    private let wakeups: AsyncStream<Void>
    private let wakeup: AsyncStream<Void>.Continuation
    private let failed = Counter(label: "server_publish_failed_total")
    private let rejected = Counter(label: "server_publish_rejected_total")
    private let republished = Counter(label: "server_journal_republished_total")
    private let skipped = Counter(label: "server_journal_skipped_lines_total")

    /// Creates a queue publishing through `publisher`, journalling into `journal`.
    public init(publisher: any MessagePublisher, journal: PublishingJournal, batchSize: Int, retryDelay: Duration, logger: Logger) {
        self.publisher = publisher
        self.journal = journal
        self.batchSize = max(1, batchSize)
        self.retryDelay = retryDelay
        self.logger = logger
        (wakeups, wakeup) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Encodes and journals `messages`, then queues them; returns once they are written (not
    /// delivered).
    /// - Throws: ``ServerError/Code/journalFull`` or ``ServerError/Code/journalFailed`` when the
    ///   journal cannot take them: the request must fail rather than answer what could be lost;
    ///   ``ServerError/Code/publishFailed`` when a message has no JSON form.
    public func enqueue(_ messages: [any SchemaMessage]) async throws(ServerError) {
        guard !messages.isEmpty else { return }
        let records = try Self.encode(messages)
        let segment = try await journal.append(records)
        add(records.map { Entry(record: $0, segment: segment) }, first: false)
    }

    /// Queues `messages` without journalling them, for what a restart raises again by itself
    /// (a refused model's alert: the next start refuses the model again).
    public func enqueueTransient(_ messages: [any SchemaMessage]) {
        do {
            add(try Self.encode(messages).map { Entry(record: $0, segment: nil) }, first: false)
        } catch {
            logger.error("cannot publish", metadata: ["error": "\(error)"])
        }
    }

    /// The number of messages waiting.
    public var pendingCount: Int { pending.withLock { $0.count } }

    /// Republishes what the journal holds from before, then sends until graceful shutdown, then
    /// sends what is left once and closes the journal.
    public func run() async throws {
        await withGracefulShutdownHandler {
            await republish()
            for await _ in wakeups {
                await drain(retrying: true)
            }
        } onGracefulShutdown: {
            self.wakeup.finish()
        }
        await drain(retrying: false)
        await journal.shutDown()
        let left = pendingCount
        if left > 0 {
            logger.warning("messages left undelivered in the journal for the next start", metadata: ["messages": "\(left)"])
        }
    }

    private static func encode(_ messages: [any SchemaMessage]) throws(ServerError) -> [KafkaProducerMessage] {
        var records: [KafkaProducerMessage] = []
        records.reserveCapacity(messages.count)
        for message in messages {
            do {
                records.append(try KafkaProducerMessage(message))
            } catch {
                throw ServerError(.publishFailed, reason: error.reason, input: error.input)
            }
        }
        return records
    }

    private func add(_ entries: [Entry], first: Bool) {
        guard !entries.isEmpty else { return }
        pending.withLock { $0.insert(contentsOf: entries, at: first ? 0 : $0.count) }
        wakeup.yield()
    }

    /// Queues, ahead of everything, the entries a previous process journalled; reports the
    /// lines that could not be read back.
    private func republish() async {
        let recovery = await journal.recover()
        for damage in recovery.damage {
            logger.warning("journal line skipped", metadata: ["line": "\(damage)"])
        }
        skipped.increment(by: recovery.damage.count)
        guard !recovery.entries.isEmpty else { return }
        logger.notice("republishing journalled messages", metadata: ["messages": "\(recovery.entries.count)"])
        republished.increment(by: recovery.entries.count)
        add(recovery.entries.map { Entry(record: $0.record, segment: $0.segment) }, first: true)
    }

    /// Sends `batch` record by record: a record the broker refuses is dropped (logged with its
    /// topic and key, counted in `server_publish_rejected_total`) and confirmed, so the journal
    /// does not replay it; a record that fails otherwise goes back to the head of the queue.
    private func isolateRejected(_ batch: [Entry]) async {
        var retry: [Entry] = []
        for entry in batch {
            do {
                try await publisher.publish(encoded: [entry.record])
            } catch  where error.code == .publishRejected {
                rejected.increment()
                logger.error(
                    "the broker refused a message; dropped",
                    metadata: [
                        "topic": "\(entry.record.topic)", "key": "\(entry.record.key.map { String(decoding: $0, as: UTF8.self) } ?? "-")",
                        "error": "\(error)",
                    ])
            } catch {
                retry.append(entry)
                continue
            }
            journal.confirm(entry.segment.map { [$0] } ?? [])
        }
        add(retry, first: true)
    }

    /// Sends batches until the queue is empty; a failed batch goes back to the head and, when
    /// `retrying`, is sent again after the retry delay (until graceful shutdown).
    private func drain(retrying: Bool) async {
        while true {
            let batch = pending.withLock { pending in
                let batch = Array(pending.prefix(batchSize))
                pending.removeFirst(batch.count)
                return batch
            }
            guard !batch.isEmpty else { return }
            do {
                try await publisher.publish(encoded: batch.map(\.record))
                journal.confirm(batch.compactMap(\.segment))
            } catch  where error.code == .publishRejected {
                // The broker refused a record itself: find it (one by one; the others may be
                // sent twice, keyed) and drop it, so it cannot hold up everything behind it.
                await isolateRejected(batch)
            } catch {
                add(batch, first: true)
                failed.increment(by: batch.count)
                logger.error(
                    "publishing failed; the messages stay queued and journalled",
                    metadata: ["messages": "\(batch.count)", "error": "\(error)"])
                guard retrying, !Task.isShuttingDownGracefully else { return }
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.retryDelay) }
                guard !Task.isShuttingDownGracefully else { return }
            }
        }
    }
}
