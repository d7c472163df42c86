import Logging
import Metrics
import Pipeline
import Schema
import ServiceLifecycle
import Synchronization

/// Publishes what the HTTP path produced (predictions, shadow predictions, review tasks,
/// alerts) off the request path: a request only appends to the queue; ``run()`` sends whatever
/// has gathered, up to the batch size, with one awaited send per batch, so the sends batch
/// themselves under load.
///
/// Bounded: beyond the configured number of waiting messages the oldest are dropped and
/// counted (`server_publish_dropped_total`); a failed send is logged and counted, and the
/// answers already given stand. On graceful shutdown the queue is drained first.
public final class PublishingQueue: Service, Sendable {
    private struct State {
        var pending: [any SchemaMessage] = []
        var finished = false
    }

    private let publisher: any MessagePublisher
    private let batchSize: Int
    private let capacity: Int
    private let logger: Logger
    private let state = Mutex(State())
    private let wakeups: AsyncStream<Void>
    private let wakeup: AsyncStream<Void>.Continuation
    private let dropped = Counter(label: "server_publish_dropped_total")
    private let failed = Counter(label: "server_publish_failed_total")

    /// Creates a queue publishing through `publisher`.
    public init(publisher: any MessagePublisher, batchSize: Int, capacity: Int, logger: Logger) {
        self.publisher = publisher
        self.batchSize = max(1, batchSize)
        self.capacity = max(1, capacity)
        self.logger = logger
        (wakeups, wakeup) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Appends `messages`; returns at once.
    public func enqueue(_ messages: [any SchemaMessage]) {
        guard !messages.isEmpty else { return }
        let overflow = state.withLock { state in
            state.pending += messages
            let overflow = max(0, state.pending.count - capacity)
            state.pending.removeFirst(overflow)
            return overflow
        }
        if overflow > 0 { dropped.increment(by: overflow) }
        wakeup.yield()
    }

    /// The number of messages waiting.
    public var pendingCount: Int { state.withLock { $0.pending.count } }

    /// Sends until graceful shutdown, then sends what is left.
    public func run() async throws {
        await withGracefulShutdownHandler {
            for await _ in wakeups {
                await drain()
            }
        } onGracefulShutdown: {
            self.wakeup.finish()
        }
        await drain()
    }

    private func drain() async {
        while true {
            let batch = state.withLock { state in
                let batch = Array(state.pending.prefix(batchSize))
                state.pending.removeFirst(batch.count)
                return batch
            }
            guard !batch.isEmpty else { return }
            do {
                try await publisher.publish(batch)
            } catch {
                failed.increment(by: batch.count)
                logger.error("publishing failed", metadata: ["messages": "\(batch.count)", "error": "\(error)"])
            }
        }
    }
}
