import Foundation
import Kafka
import Logging
import Metrics
import Pipeline
import Schema
import ServiceSupport

/// The normalizer's transform for the shared ``Pipeline/BatchProcessor``: raw records (and
/// decisions on `review.tasks`) in, canonical homes and review tasks out.
///
/// A batch's messages are decoded on every core, then its records are mapped on a thread of
/// their own while the batch's warehouse transaction resolves and stores each one as soon as
/// it is mapped (``Pipeline/Swift/Array/withPipelinedTransform(_:_:)``: mapping and resolving
/// overlap, each on a core). Mapping starts before the transaction, so it also goes on while
/// the transaction waits for the warehouse's write lock (another instance's batch). A batch is
/// one warehouse transaction (one sync to disk instead of one per record), run on a dedicated
/// queue off the cooperative pool.
///
/// On a warehouse whose transactions of different regions run side by side
/// (``NormalizerStore/runsRegionsConcurrently``: PostgreSQL), a batch's records are stored in
/// one transaction per region (``NormalizerStore/transaction(inRegion:_:)``), regions in a
/// fixed order, so instances sharing the warehouse work on different countries at once
/// (``outcomesByRegion(of:normalizer:logger:metrics:)``, mapping still overlapping storing). Human
/// decisions, and a region's records again when they reach into another region (a record that
/// moved country), take a transaction confined to nothing.
///
/// A record the normalizer rejects becomes a failed outcome, so the processor writes the
/// bounded dead letter; a storage failure fails the whole batch (its offsets stay unstored;
/// regions stored before it are stored again, unchanged, when the batch is read again).
///
/// A batch holding a record of a source the normalizer does not know first waits, at most
/// ``NormalizerConfiguration/unknownSourceWait``, for `catalogCaughtUp` (the catalog reader
/// reading `sources.catalog` to its end): a source announced just before its records is then
/// known; one that is still unknown is dead-lettered as `unknownSource`.
public struct NormalizerBatchHandler: BatchHandler {
    private let normalizer: Normalizer
    private let executor = BlockingExecutor(label: "homeprice.normalizer.warehouse")
    private let catalogCaughtUp: (@Sendable () async throws -> Void)?
    private let logger: Logger
    private let metrics: any MetricsFactory

    /// Creates the handler around `normalizer`; `catalogCaughtUp` returns once the catalog
    /// reader has read everything on `sources.catalog` when it was called. `metrics` holds
    /// `normalizer_region_retries_total{region}`: a region's records of a batch stored again
    /// unconfined because they reached into another region (a record that moved country), and
    /// `normalizer_unmapped_terms_total{source, field}` (``UnmappedTermCounts``).
    public init(
        normalizer: Normalizer, logger: Logger, metrics: any MetricsFactory = MetricsSystem.factory,
        catalogCaughtUp: (@Sendable () async throws -> Void)? = nil
    ) {
        self.normalizer = normalizer
        self.logger = logger
        self.metrics = metrics
        self.catalogCaughtUp = catalogCaughtUp
    }

    /// Normalizes every message of `batch`: in one warehouse transaction, or one per region
    /// (see the type's description).
    public func handle(_ batch: [KafkaConsumerMessage]) async throws -> [MessageOutcome] {
        let decoded = try await executor.run { [normalizer, logger] in
            batch.concurrentMap { Self.input(of: $0, normalizer: normalizer, logger: logger) }
        }
        try await awaitCatalogIfNeeded(decoded)
        let outcomes = try await executor.run { [normalizer, logger, metrics] in
            if normalizer.store.runsRegionsConcurrently {
                return try Self.outcomesByRegion(of: decoded, normalizer: normalizer, logger: logger, metrics: metrics)
            }
            return try decoded.withPipelinedTransform({ Self.mapped($0, normalizer: normalizer) }) {
                (mapped) throws(NormalizationError) in
                try normalizer.store.transaction { () throws(NormalizationError) -> [MessageOutcome] in
                    try mapped.map { (input) throws(NormalizationError) in try Self.outcome(of: input, normalizer: normalizer) }
                }
            }
        }
        UnmappedTermCounts(metrics: metrics).count(in: outcomes)
        return outcomes
    }

    /// A message as the normalizer takes it, decoded once: its raw record as `Record` (the
    /// record alone once decoded, with its preparation once mapped).
    enum Input<Record: Sendable>: Sendable {
        /// A raw record and where it was read.
        case record(Record, MessageOrigin)
        /// A decision on `review.tasks`.
        case decision(ReviewTask)
        /// A message that produces only `output`: an undecodable record's dead letter.
        case done(NormalizerOutput)
        /// A review task no schema reads, failed for `reasons` (the processor dead-letters it).
        case unreadable([FailureReason])

        /// Whether this is a human decision (it may reach any region).
        var isDecision: Bool {
            if case .decision = self { return true }
            return false
        }

        /// The same input with `transform` applied to its record.
        func mappingRecord<Other: Sendable>(_ transform: (Record) -> Other) -> Input<Other> {
            switch self {
            case .record(let record, let origin): .record(transform(record), origin)
            case .decision(let task): .decision(task)
            case .done(let output): .done(output)
            case .unreadable(let reasons): .unreadable(reasons)
            }
        }
    }

    /// A raw record mapped by its source's mapping and prepared for the warehouse.
    struct PreparedRaw: Sendable {
        var raw: RawRecord
        var prepared: Result<PreparedRecord, MappingFailure>
    }

    /// Decodes one message.
    private static func input(of message: KafkaConsumerMessage, normalizer: Normalizer, logger: Logger) -> Input<RawRecord> {
        let origin = MessageOrigin(topic: message.topic, partition: Int(message.partition), offset: message.offset)
        if message.topic == Topic.reviewTasks.name {
            do {
                return .decision(try ReviewTask.decode(from: Data(message.value)))
            } catch {
                logger.warning("unreadable review task", metadata: ["kafka.position": "\(message.position)", "error": "\(error)"])
                return .unreadable(error.failureReasons)
            }
        }
        switch normalizer.decode(message: Data(message.value), key: message.keyString, origin: origin) {
        case .success(let record): return .record(record, origin)
        case .failure(let undecodable): return .done(NormalizerOutput(deadLetters: [undecodable.deadLetter]))
        }
    }

    /// The input with its raw record mapped by its source's mapping and prepared for the
    /// warehouse.
    static func mapped(_ input: Input<RawRecord>, normalizer: Normalizer) -> Input<PreparedRaw> {
        input.mappingRecord { PreparedRaw(raw: $0, prepared: normalizer.prepare($0)) }
    }

    /// Waits (bounded) for the catalog when a raw record of the batch names an unknown source,
    /// before any record of the batch is mapped.
    private func awaitCatalogIfNeeded(_ inputs: [Input<RawRecord>]) async throws {
        guard let catalogCaughtUp else { return }
        let unknown = Set(
            inputs.compactMap { input -> String? in
                guard case .record(let record, _) = input, normalizer.source(record.sourceId) == nil else { return nil }
                return record.sourceId
            })
        guard !unknown.isEmpty else { return }
        let wait = normalizer.configuration.unknownSourceWait
        do {
            try await withDeadline(wait, waitingFor: "sources.catalog to be read to its end") { try await catalogCaughtUp() }
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            logger.warning(
                "the catalog was not read to its end in time", metadata: ["sources": "\(unknown.sorted())", "error": "\(error)"])
        }
    }

    /// What the normalizer made of one message.
    static func outcome(of input: Input<PreparedRaw>, normalizer: Normalizer) throws(NormalizationError) -> MessageOutcome {
        switch input {
        case .record(let record, let origin): outcome(try normalizer.normalize(record.raw, prepared: record.prepared, origin: origin))
        case .decision(let task): outcome(try normalizer.apply(decision: task))
        case .done(let output): outcome(output)
        case .unreadable(let reasons): .failed(reasons)
        }
    }

    /// A rejected record (dead letters and nothing else) is a failure the processor
    /// dead-letters with bounds; anything else is published.
    private static func outcome(_ output: NormalizerOutput) -> MessageOutcome {
        if !output.deadLetters.isEmpty && output.homes.isEmpty && output.reviewTasks.isEmpty {
            return .failed(output.deadLetters.flatMap(\.reasons))
        }
        return .produced(output.homes + output.reviewTasks + output.deadLetters + output.monitoringEvents)
    }
}
