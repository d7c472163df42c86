import CRdKafka
import Dispatch
import Glibc

/// Turns "a librdkafka event queue has events" into an `AsyncStream` of wake-ups, so a poll
/// loop sleeps until there is work instead of polling on a timer.
///
/// librdkafka writes a byte to a pipe whenever the queue goes from empty to non-empty
/// (`rd_kafka_queue_io_event_enable`); a dispatch read source watches the pipe. A timer adds a
/// wake-up every `tick` so that deadlines (flush on shutdown) are checked even when nothing
/// arrives. Wake-ups coalesce: the stream keeps at most one pending.
final class EventQueueWakeups: Sendable {
    /// One element per wake-up.
    let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation
    nonisolated(unsafe) private let readSource: any DispatchSourceRead
    nonisolated(unsafe) private let timer: any DispatchSourceTimer
    private let readDescriptor: Int32
    private let writeDescriptor: Int32

    /// Starts watching `queue` (an `rd_kafka_queue_t`).
    init(queue: OpaquePointer, tick: Duration, label: String) {
        var descriptors: [Int32] = [0, 0]
        precondition(pipe(&descriptors) == 0, "pipe() failed for \(label): errno \(errno)")
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
        _ = fcntl(readDescriptor, F_SETFL, fcntl(readDescriptor, F_GETFL) | O_NONBLOCK)
        _ = fcntl(writeDescriptor, F_SETFL, fcntl(writeDescriptor, F_GETFL) | O_NONBLOCK)

        (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let dispatchQueue = DispatchQueue(label: label)
        let continuation = continuation
        let readDescriptor = readDescriptor
        readSource = DispatchSource.makeReadSource(fileDescriptor: readDescriptor, queue: dispatchQueue)
        readSource.setEventHandler {
            var sink = [UInt8](repeating: 0, count: 256)
            while read(readDescriptor, &sink, sink.count) > 0 {}
            continuation.yield()
        }
        timer = DispatchSource.makeTimerSource(queue: dispatchQueue)
        let milliseconds = Int(tick.components.seconds * 1_000 + tick.components.attoseconds / 1_000_000_000_000_000)
        timer.schedule(deadline: .now(), repeating: .milliseconds(max(1, milliseconds)))
        timer.setEventHandler { continuation.yield() }

        let payload: [UInt8] = [1]
        rd_kafka_queue_io_event_enable(queue, writeDescriptor, payload, payload.count)
        readSource.resume()
        timer.resume()
    }

    /// Asks the loop to look at the queue now.
    func wake() {
        continuation.yield()
    }

    /// Stops the wake-ups and ends the stream. The queue must no longer write to the pipe:
    /// call `rd_kafka_queue_io_event_enable(queue, -1, nil, 0)` first.
    func stop() {
        timer.cancel()
        readSource.cancel()
        continuation.finish()
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }
}
