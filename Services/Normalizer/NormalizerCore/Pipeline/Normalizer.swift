import Foundation
import Schema
import Synchronization

/// The normalizer's core: raw record in; canonical home, review tasks or dead letters out;
/// warehouse written.
///
/// Per record: decode and check the schema version, find the source's mapping, map and parse
/// every field, resolve the entity against the store, upsert the merged home. Everything the
/// record changes is written in one store transaction, and processing the same record again
/// writes nothing new and returns the same home (with the homes merged into it announced
/// retired again, in case the first pass's outputs were lost), so a consumer may replay freely
/// (at-least-once). A bad record becomes a dead letter naming the stage, field and reason; only
/// a storage failure throws.
public final class Normalizer: Sendable {
    /// The settings.
    public let configuration: NormalizerConfiguration
    /// The warehouse and resolution state.
    public let store: any NormalizerStore
    private let catalog: Mutex<SourceCatalog>
    private let resolver: EntityResolver
    private let clock: @Sendable () -> Date

    /// Creates a normalizer.
    /// - Parameters:
    ///   - configuration: Thresholds, merge policy, exchange rates, service name.
    ///   - catalog: The source mappings known at start (`configs/sources`).
    ///   - store: The warehouse and resolution state.
    ///   - clock: The time stamped on homes, tasks and dead letters.
    public init(
        configuration: NormalizerConfiguration,
        catalog: SourceCatalog,
        store: any NormalizerStore,
        clock: @escaping @Sendable () -> Date = Date.init
    ) {
        self.configuration = configuration
        self.store = store
        self.catalog = Mutex(catalog)
        self.clock = clock
        resolver = EntityResolver(
            settings: configuration.resolution,
            policy: configuration.merge,
            exchangeRates: configuration.exchangeRates,
            serviceName: configuration.serviceName
        )
    }

    /// Takes a source's catalog entry unless a later one is known.
    @discardableResult
    public func update(source: SourceDescriptor) -> Bool {
        catalog.withLock { $0.update(source) }
    }

    /// The current mapping of a source.
    public func source(_ id: String) -> SourceDescriptor? {
        catalog.withLock { $0[id] }
    }

    /// Normalizes a `homes.raw` record value as read from Kafka.
    /// - Throws: ``NormalizationError/Code/storageFailed`` only; the caller must not store the
    ///   offset and should retry or stop.
    public func normalize(message value: Data, key: String?, origin: MessageOrigin?) throws(NormalizationError) -> NormalizerOutput {
        switch decode(message: value, key: key, origin: origin) {
        case .success(let record): try normalize(record, origin: origin)
        case .failure(let letter): NormalizerOutput(deadLetters: [letter.deadLetter])
        }
    }

    /// Decodes a `homes.raw` record value as read from Kafka, or makes the dead letter of a
    /// value that is no raw record of a supported schema version.
    public func decode(message value: Data, key: String?, origin: MessageOrigin?) -> Result<RawRecord, UndecodableRecord> {
        do {
            return .success(try RawRecord.decode(from: value))
        } catch {
            let code: NormalizationError.Code = error.code == .unsupportedSchemaVersion ? .unsupportedSchemaVersion : .invalidMessage
            let reasons = [FailureReason(error), NormalizationError(code, reason: error.reason, field: error.fieldPath).failureReason]
            return .failure(
                UndecodableRecord(
                    deadLetter: deadLetter(key: key ?? origin.map(Self.positionKey) ?? "", bytes: value, origin: origin, reasons: reasons)
                ))
        }
    }

    /// Normalizes one raw record.
    /// - Throws: ``NormalizationError/Code/storageFailed`` only.
    public func normalize(_ record: RawRecord, origin: MessageOrigin? = nil) throws(NormalizationError) -> NormalizerOutput {
        try normalize(record, prepared: prepare(record), origin: origin)
    }

    /// Normalizes a raw record already mapped and prepared by ``prepare(_:)`` (a batch prepares
    /// its records on every core before resolving them one by one).
    /// - Throws: ``NormalizationError/Code/storageFailed`` only.
    public func normalize(
        _ record: RawRecord, prepared: Result<PreparedRecord, MappingFailure>, origin: MessageOrigin?
    ) throws(NormalizationError) -> NormalizerOutput {
        switch prepared {
        case .failure(let failure):
            return NormalizerOutput(deadLetters: [deadLetter(for: record, origin: origin, errors: failure.errors)])
        case .success(let prepared):
            let now = clock()
            let (resolution, homes) = try store.transaction { () throws(NormalizationError) -> (Resolution, [Home]) in
                let resolution = try resolver.resolve(prepared, in: store, now: now)
                return (resolution, try load(resolution, at: now))
            }
            return NormalizerOutput(
                homes: homes, reviewTasks: resolution.reviewTasks,
                monitoringEvents: unmappedTermsReport(prepared.record, at: now).map { [$0] } ?? [])
        }
    }

    /// Maps a raw record (``map(_:)``) and prepares it for the warehouse (its blocks and JSON),
    /// without resolving or storing anything; safe to run for many records at once.
    public func prepare(_ record: RawRecord) -> Result<PreparedRecord, MappingFailure> {
        map(record).flatMap { mapped in
            Result { () throws(NormalizationError) in try PreparedRecord(mapped) }.mapError { MappingFailure(errors: [$0]) }
        }
    }

    /// The name of the `pipeline.monitoring` report of a record's terms that no vocabulary knows.
    public static let unmappedTermsEventName = "normalizer.unmappedTerms"

    /// The `pipeline.monitoring` report of a record's terms that no vocabulary knows (the home
    /// was kept without those fields), or `nil` when it has none. Its labels name the source and
    /// the fields (comma-separated) and each field's raw term (`term.<field>`).
    private func unmappedTermsReport(_ record: MappedRecord, at now: Date) -> MonitoringEvent? {
        let terms = record.fields.filter { $0.key.hasPrefix(MappedRecord.unmappedPrefix) }
            .map { (field: String($0.key.dropFirst(MappedRecord.unmappedPrefix.count)), term: $0.value.raw) }
            .sorted { $0.field < $1.field }
        guard !terms.isEmpty else { return nil }
        return MonitoringEvent(
            service: configuration.serviceName,
            kind: .metric,
            name: Self.unmappedTermsEventName,
            values: ["count": Double(terms.count)],
            labels: ["source": record.sourceId, "record": record.key, "fields": terms.map(\.field).joined(separator: ",")]
                .merging(terms.map { ("term.\($0.field)", $0.term) }) { first, _ in first },
            severity: .warning,
            message: "kept \(record.key) without "
                + terms.map { "\($0.field) '\($0.term)'" }.joined(separator: ", ") + ": no vocabulary knows these terms",
            at: now
        )
    }

    /// Maps a raw record with its source's mapping, without resolving or storing anything.
    public func map(_ record: RawRecord) -> Result<MappedRecord, MappingFailure> {
        guard record.schemaVersion <= RawRecord.currentSchemaVersion else {
            return .failure(
                MappingFailure(errors: [
                    NormalizationError(
                        .unsupportedSchemaVersion,
                        reason: "schema version \(record.schemaVersion) is newer than \(RawRecord.currentSchemaVersion)",
                        field: "schemaVersion",
                        record: record.key
                    )
                ])
            )
        }
        guard let mapper = catalog.withLock({ $0.mapper(for: record.sourceId) }) else {
            return .failure(
                MappingFailure(errors: [
                    NormalizationError(
                        .unknownSource,
                        reason: "no mapping for source '\(record.sourceId)' in configs/sources or sources.catalog",
                        field: "sourceId",
                        input: record.sourceId,
                        record: record.key
                    )
                ])
            )
        }
        switch mapper {
        case .success(let mapper): return mapper.map(record).flatMap(Self.rejectingNULCharacters)
        case .failure(let error): return .failure(MappingFailure(errors: [error.inRecord(record.key)]))
        }
    }

    /// A record whose id or source text holds U+0000 is rejected, naming the field: no text
    /// column stores it (PostgreSQL's `jsonb` and `text` refuse it), so it would otherwise fail
    /// its whole batch again and again.
    private static func rejectingNULCharacters(_ mapped: MappedRecord) -> Result<MappedRecord, MappingFailure> {
        // Bytes, not `String.contains(_:)` (Foundation's substring search), and the field names
        // sorted only when one holds it: the check cost 6 % of mapping.
        func holdsNUL(_ text: String) -> Bool { text.utf8.contains(0) }
        let field: String? =
            if holdsNUL(mapped.recordId) {
                "recordId"
            } else if mapped.fields.values.contains(where: { holdsNUL($0.raw) }) {
                mapped.fields.keys.sorted().first { mapped.fields[$0].map { holdsNUL($0.raw) } == true }
            } else {
                nil
            }
        guard let field else { return .success(mapped) }
        return .failure(
            MappingFailure(errors: [
                NormalizationError(
                    .unparseableField, reason: "the value contains a NUL character (U+0000), which the warehouse cannot store",
                    field: field, record: mapped.key)
            ]))
    }

    /// Applies a human decision from `review.tasks`; open tasks (including the normalizer's
    /// own) and other kinds change nothing.
    /// - Throws: ``NormalizationError/Code/storageFailed``.
    public func apply(decision: ReviewTask) throws(NormalizationError) -> NormalizerOutput {
        let now = clock()
        let homes = try store.transaction { () throws(NormalizationError) -> [Home] in
            guard let resolution = try resolver.apply(decision: decision, in: store, now: now) else { return [] }
            return try load(resolution, at: now)
        }
        return NormalizerOutput(homes: homes)
    }

    /// Stores the resolved home and retires the homes merged into it; returns the home as
    /// stored (its ``Schema/Home/version`` set), preceded by what the groups the record left
    /// returned (see below), followed by the retirement announcements (each
    /// retired home's last state with ``Schema/Home/retiredInto`` and its retired version set),
    /// so consumers downstream drop them.
    ///
    /// A home the warehouse already held exactly so may be the replay of a record or decision
    /// whose transaction committed before its outputs were sent (the process was killed in
    /// between), or an input that changed nothing of the home; a record already in a cluster
    /// may be such a replay too, or its source's new version of it (a producer restarted
    /// after the kill publishes its records again, with new fetch times, so the home changes).
    /// In each case every home retired into this one, directly or through others, is announced
    /// again: a replay retires nothing itself, so the announcements its first pass lost would
    /// otherwise never be sent. Announcing a retirement twice is harmless to readers of the
    /// latest value.
    ///
    /// The groups a record left (``Resolution/leftBehind``) are stored and announced first;
    /// the homes a known record last left (``Resolution/departedHomeIds``) are announced again
    /// with the homes retired into them.
    private func load(_ resolution: Resolution, at now: Date) throws(NormalizationError) -> [Home] {
        var leftBehind: [Home] = []
        for cluster in resolution.leftBehind { leftBehind += try load(cluster, at: now) }
        let upserted = try store.upsert(resolution.home)
        var home = resolution.home
        home.version = upserted.version
        var announcements: [Home] = []
        for retired in resolution.retiredHomeIds {
            if var last = try store.retire(homeId: retired, mergedInto: home.id) {
                last.normalizedAt = now
                announcements.append(last)
            }
        }
        if upserted.change == .unchanged || resolution.recordWasKnown {
            let announced = Set(announcements.map(\.id))
            announcements += try earlierRetirements(into: home.id, at: now).filter { !announced.contains($0.id) }
            for departed in resolution.departedHomeIds where departed != home.id {
                guard var left = try store.home(id: departed) else { continue }
                left.normalizedAt = now
                let announced = Set(announcements.map(\.id))
                announcements += ([left] + (try earlierRetirements(into: departed, at: now))).filter { !announced.contains($0.id) }
            }
        }
        return leftBehind + [home] + announcements
    }

    /// Every home retired into `survivor`, directly or through homes retired into it, as
    /// announced when it was retired.
    private func earlierRetirements(into survivor: String, at now: Date) throws(NormalizationError) -> [Home] {
        var announcements: [Home] = []
        var seen: Set<String> = [survivor]
        var survivors = [survivor]
        while let next = survivors.popLast() {
            for var retired in try store.homes(retiredInto: next) where seen.insert(retired.id).inserted {
                survivors.append(retired.id)
                retired.normalizedAt = now
                announcements.append(retired)
            }
        }
        return announcements
    }

    private func deadLetter(for record: RawRecord, origin: MessageOrigin?, errors: [NormalizationError]) -> DeadLetter {
        let bytes = (try? record.encoded()) ?? Data(record.payload.utf8)
        return deadLetter(key: record.key, bytes: bytes, origin: origin, reasons: errors.map(\.failureReason))
    }

    private func deadLetter(key: String, bytes: Data, origin: MessageOrigin?, reasons: [FailureReason]) -> DeadLetter {
        DeadLetter(
            originalKey: key,
            originalBytes: bytes,
            origin: origin,
            stage: .normalization,
            service: configuration.serviceName,
            reasons: reasons,
            failedAt: clock()
        )
    }

    private static func positionKey(_ origin: MessageOrigin) -> String {
        "\(origin.topic)/\(origin.partition)/\(origin.offset)"
    }
}
