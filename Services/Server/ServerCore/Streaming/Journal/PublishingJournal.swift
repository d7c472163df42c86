import Foundation
import Kafka
import Logging
import Pipeline
import Synchronization

/// The server's write-ahead journal of what it publishes off the request path: an HTTP
/// request appends its predictions (and shadows, review tasks) here and answers only once they
/// are written, so a process killed between answering and publishing loses nothing — the next
/// start publishes them again (``recover()``).
///
/// Append-only segment files in ``JournalSettings/directory``. Appends from concurrent requests
/// are grouped: one `write` for whatever gathered while the previous one ran, on a dedicated
/// thread (``BlockingExecutor``), never on the cooperative pool; a request waits for its
/// group's write, not for the broker. Without ``JournalSettings/syncEveryWrite`` nothing is
/// flushed to the disk: a killed process's writes live on in the page cache; a machine crash
/// is covered only with that setting on.
///
/// Delivery is recorded per segment: once every entry of a closed segment is confirmed
/// (``confirm(_:)``) its file is deleted; the open segment is deleted too when everything in it
/// is delivered and nothing waits. A start therefore republishes at most the undelivered
/// segments' entries, some of them maybe delivered already: at least once, keyed by prediction
/// id, so the repeat is harmless.
///
/// Bounded: beyond ``JournalSettings/maxBytes`` of undelivered segments an append fails with
/// ``ServerError/Code/journalFull``; a write that fails (disk full, I/O error) fails its
/// requests with ``ServerError/Code/journalFailed``. Either is the journal's ``health`` until
/// the next successful write.
public final class PublishingJournal: Sendable {
    /// What ``health`` reports.
    public struct Health: Sendable, Equatable {
        /// Entries journalled and not yet confirmed.
        public var undelivered: Int
        /// Bytes of the segments on disk (and of appends in flight).
        public var bytes: Int
        /// Why the last append failed, until one succeeds again (a full journal, until
        /// deliveries free room).
        public var problem: ServerError?
    }

    private struct Ledger {
        var appended = 0
        var confirmed = 0
        var bytes = 0
        var closed = false
        var delivered: Bool { confirmed >= appended }
    }

    private struct Append {
        let bytes: [UInt8]
        let entries: Int
        let continuation: CheckedContinuation<Result<UInt64, ServerError>, Never>
    }

    /// What the writer does next: files to delete, the appends to write.
    private struct Job {
        var deletions: [URL] = []
        var retired: JournalSegmentFile?
        var appends: [Append] = []
    }

    private struct State {
        var ledgers: [UInt64: Ledger] = [:]
        var active: JournalSegmentFile?
        var nextSequence: UInt64
        var waiting: [Append] = []
        var working = false
        var shutDown = false
        /// Bytes on disk plus bytes waiting to be written.
        var bytes = 0
        var problem: ServerError?
        /// ``bytes`` when an append was last refused as too many: once deliveries bring the
        /// journal below it, the journal is no longer full.
        var bytesWhenFull = 0

        /// Marks the writer busy; `true` when it was idle (the caller starts it).
        mutating func startWorking() -> Bool {
            defer { working = true }
            return !working
        }

        /// The writer's next job, or `nil` (and the writer idle) when there is nothing to do:
        /// closed segments fully delivered, the open one too when it is and nothing waits, and the
        /// appends waiting.
        mutating func nextJob(directory: URL) -> Job? {
            var job = Job()
            job.appends = waiting
            waiting = []
            if job.appends.isEmpty, let active, let ledger = ledgers[active.sequence], ledger.appended > 0, ledger.delivered {
                ledgers[active.sequence]?.closed = true
                job.retired = active
                self.active = nil
            }
            for (sequence, ledger) in ledgers where ledger.closed && ledger.delivered {
                ledgers[sequence] = nil
                bytes -= ledger.bytes
                job.deletions.append(directory.appendingPathComponent(JournalSegmentFile.name(of: sequence)))
            }
            guard job.retired != nil || !job.deletions.isEmpty || !job.appends.isEmpty else {
                working = false
                return nil
            }
            return job
        }
    }

    /// The settings.
    public let settings: JournalSettings
    private let found: [UInt64]
    private let state: Mutex<State>
    private let writer = BlockingExecutor(label: "homeprice.server.journal")
    private let reader = BlockingExecutor(label: "homeprice.server.journal.recovery")
    private let logger: Logger

    /// Opens the journal in ``JournalSettings/directory`` (created if missing); the segments
    /// found there are read back by ``recover()``, new entries go to new segments.
    /// - Throws: ``ServerError/Code/journalFailed`` when the folder cannot be created or listed.
    public init(settings: JournalSettings, logger: Logger) throws(ServerError) {
        self.settings = settings
        self.logger = logger
        let names: [String]
        do {
            try FileManager.default.createDirectory(at: settings.directory, withIntermediateDirectories: true)
            names = try FileManager.default.contentsOfDirectory(atPath: settings.directory.path)
        } catch {
            throw ServerError(.journalFailed, reason: "cannot open the journal folder: \(error)", input: settings.directory.path)
        }
        found = names.compactMap(JournalSegmentFile.sequence(ofName:)).sorted()
        state = Mutex(State(nextSequence: (found.last ?? 0) + 1))
    }

    /// What the journal holds and whether it takes appends.
    public var health: Health {
        state.withLock { state in
            if state.problem?.code == .journalFull, state.bytes < state.bytesWhenFull { state.problem = nil }
            return Health(
                undelivered: state.ledgers.values.reduce(0) { $0 + $1.appended - $1.confirmed }, bytes: state.bytes,
                problem: state.problem)
        }
    }

    /// Writes `records` (schema messages as ``Kafka/KafkaProducerMessage/init(_:)`` encodes
    /// them) as one group and returns the segment they lie in, once they are written.
    /// - Throws: ``ServerError/Code/journalFull`` beyond the size limit,
    ///   ``ServerError/Code/journalFailed`` when the write fails.
    public func append(_ records: [KafkaProducerMessage]) async throws(ServerError) -> UInt64 {
        var bytes: [UInt8] = []
        for record in records {
            bytes += JournalLine.encode(record)
        }
        let result = await withCheckedContinuation { continuation in
            let outcome: Result<Bool, ServerError> = state.withLock { state in
                if state.shutDown {
                    return .failure(ServerError(.journalFailed, reason: "the journal is closed (shutting down)"))
                }
                guard state.bytes + bytes.count <= settings.maxBytes else {
                    let error = ServerError(
                        .journalFull, reason: "the journal holds \(state.bytes) undelivered bytes, the limit is \(settings.maxBytes)",
                        input: settings.directory.path)
                    state.problem = error
                    state.bytesWhenFull = state.bytes
                    return .failure(error)
                }
                state.bytes += bytes.count
                state.waiting.append(Append(bytes: bytes, entries: records.count, continuation: continuation))
                return .success(state.startWorking())
            }
            switch outcome {
            case .failure(let error): continuation.resume(returning: .failure(error))
            case .success(true): writer.execute { self.work() }
            case .success(false): break
            }
        }
        return try result.get()
    }

    /// Records that one entry of each listed segment was delivered (a segment listed twice,
    /// two entries).
    public func confirm(_ segments: [UInt64]) {
        guard !segments.isEmpty else { return }
        let start = state.withLock { state in
            var finished = false
            for segment in segments {
                guard var ledger = state.ledgers[segment] else { continue }
                ledger.confirmed += 1
                state.ledgers[segment] = ledger
                finished = finished || ledger.delivered
            }
            return finished && state.startWorking()
        }
        if start { writer.execute { self.work() } }
    }

    /// Reads back every entry the segments found at opening hold (call once, before or while
    /// serving); the reading runs on its own thread, so appends go on meanwhile.
    public func recover() async -> JournalRecovery {
        let found = found
        let directory = settings.directory
        let recovery = (try? await reader.run { JournalRecovery.read(found, in: directory) }) ?? JournalRecovery()
        let start = state.withLock { state in
            for (sequence, segment) in recovery.segments {
                state.ledgers[sequence] = Ledger(appended: segment.entries, bytes: segment.bytes, closed: true)
                state.bytes += segment.bytes
            }
            return state.startWorking()
        }
        if start { writer.execute { self.work() } }
        return recovery
    }

    /// Refuses further appends, waits for the writes in flight and closes the open segment
    /// (deleted when everything in it was delivered). What is undelivered stays for the next
    /// start.
    public func shutDown() async {
        state.withLock { $0.shutDown = true }
        _ = try? await writer.run { self.work() }
        let active = state.withLock { state in
            defer { state.active = nil }
            return state.active
        }
        active?.close()
    }

    /// The writer's loop, on its own thread: deletes delivered segments, writes what waits,
    /// until nothing is left to do.
    private func work() {
        while let job = state.withLock({ $0.nextJob(directory: settings.directory) }) {
            job.retired?.close()
            for url in job.deletions {
                do {
                    try FileManager.default.removeItem(at: url)
                } catch {
                    logger.warning("cannot delete a delivered journal segment", metadata: ["file": "\(url.path)", "error": "\(error)"])
                }
            }
            if !job.appends.isEmpty { write(job.appends) }
        }
    }

    /// Writes `appends` with one `write` into the open segment (a new one when there is none or
    /// it is full) and resumes their requests.
    private func write(_ appends: [Append]) {
        let bytes = appends.count == 1 ? appends[0].bytes : appends.flatMap(\.bytes)
        let entries = appends.reduce(0) { $0 + $1.entries }
        let result: Result<UInt64, ServerError>
        do throws(ServerError) {
            let segment = try openSegment()
            do {
                try segment.append(bytes, durable: settings.syncEveryWrite)
            } catch {
                // The segment may end with part of this write: close it, so that the next
                // write starts a new one and the part stays the last line of its file.
                state.withLock { state in
                    state.active = nil
                    state.ledgers[segment.sequence]?.closed = true
                }
                segment.close()
                throw error
            }
            state.withLock { state in
                state.ledgers[segment.sequence]?.appended += entries
                state.ledgers[segment.sequence]?.bytes += bytes.count
                state.problem = nil
            }
            result = .success(segment.sequence)
        } catch {
            logger.error("journal write failed; the requests fail", metadata: ["error": "\(error)"])
            state.withLock { state in
                state.bytes -= bytes.count
                state.problem = error
            }
            result = .failure(error)
        }
        for append in appends { append.continuation.resume(returning: result) }
    }

    /// The open segment, or a new one when there is none or it is full (the full one closed).
    private func openSegment() throws(ServerError) -> JournalSegmentFile {
        let (current, sequence) = state.withLock { state -> (JournalSegmentFile?, UInt64) in
            if let active = state.active, let ledger = state.ledgers[active.sequence], ledger.bytes < settings.segmentBytes {
                return (active, 0)
            }
            if let active = state.active {
                state.ledgers[active.sequence]?.closed = true
                state.active = nil
                active.close()
            }
            defer { state.nextSequence += 1 }
            return (nil, state.nextSequence)
        }
        if let current { return current }
        let segment = try JournalSegmentFile.create(sequence: sequence, in: settings.directory, durable: settings.syncEveryWrite)
        state.withLock { state in
            state.active = segment
            state.ledgers[sequence] = Ledger()
        }
        return segment
    }
}
