import Foundation
import Kafka
import MetricsTestKit
import NormalizerCore
import Pipeline
import Schema
import ServiceSupport
import TestSupport
import Testing

@Suite("Normalizer batches stored one region at a time", .postgresServer)
struct RegionalBatchTests {
    /// A site with homes in two countries: each record names its own.
    private static let mapping =
        SeedScenario.nestedMapping
        .replacingOccurrences(of: "id: us-agency-feed", with: "id: two-country-site")
        + "\n  region: { path: country }\n"

    /// The listing `id` of the two-country site in `country`, at `street` of the country's city,
    /// stamped with `stamped` by its producer, heated by `heating` when given.
    private static func listing(
        _ id: String, in country: String, street: String? = nil, stamped: String = "US", heating: String? = nil
    ) -> RawRecord {
        let address =
            country == "US"
            ? #"{"street": "\#(street ?? "123 Main Street")", "city": "Springfield", "state": "Illinois", "zip": "62704"}"#
            : #"{"street": "\#(street ?? "100 Queen Street West")", "city": "Toronto", "state": "Ontario", "zip": "M5H 2N2"}"#
        let heatingField = heating.map { #", "temprature system": {"heating": "\#($0)"}"# } ?? ""
        return RawRecord(
            sourceId: "two-country-site", recordId: id, region: stamped, fetchedAt: SeedScenario.fetchedNested,
            contentType: "application/json",
            payload: """
                {"country": "\(country)", "address": \(address),
                 "listing": {"price": {"amount": 250000, "currency": "\(country == "US" ? "USD" : "CAD")"}},
                 "building": {"area": "130 m2", "constructed": "1990 May", "rooms": 7, "bedrooms": 3, "bathrooms": 2}\(heatingField)}
                """)
    }

    private static func message(_ record: RawRecord, offset: Int64) throws -> KafkaConsumerMessage {
        KafkaConsumerMessage(
            topic: Topic.homesRaw.name, partition: 0, offset: offset, key: Array(record.key.utf8), value: Array(try record.encoded()),
            headers: [], timestamp: nil)
    }

    /// A handler over a fresh warehouse of `kind` that knows the two-country site, counting on
    /// `metrics`.
    private static func withHandler<Value>(
        _ kind: StoreKind, metrics: TestMetrics = TestMetrics(), _ body: (NormalizerBatchHandler, Normalizer) async throws -> Value
    ) async throws -> Value {
        try await kind.withFreshPlace { place in
            let normalizer = try await SeedScenario.normalizer(store: try place.open())
            normalizer.update(source: try SourceMappingDocument(yaml: mapping, origin: "test").descriptor(publishedAt: .distantPast))
            let handler = NormalizerBatchHandler(normalizer: normalizer, logger: KafkaTestClients.logger, metrics: metrics)
            return try await body(handler, normalizer)
        }
    }

    /// The record keys in the provenance of the homes an outcome publishes.
    private static func listings(of outcome: MessageOutcome) -> Set<String> {
        Set(
            outcome.outputs.compactMap { $0 as? Home }.flatMap {
                $0.provenance.values.flatMap { $0.map { "\($0.sourceId)/\($0.recordId)" } }
            })
    }

    @Test("on PostgreSQL each message's outcome comes back in its place, records of several countries and an unreadable message mixed")
    func outcomesInMessageOrder() async throws {
        try await Self.withHandler(.postgres) { handler, _ in
            let records = [
                Self.listing("T-1", in: "US"), Self.listing("T-2", in: "CA"),
                Self.listing("T-3", in: "US", street: "456 Oak Street"),
                Self.listing("T-4", in: "CA", street: "200 King Street West", stamped: "CA"),
            ]
            var messages = try records.enumerated().map { try Self.message($1, offset: Int64($0)) }
            messages.insert(
                KafkaConsumerMessage(
                    topic: Topic.homesRaw.name, partition: 0, offset: 9, key: Array("x".utf8), value: Array("not json".utf8), headers: [],
                    timestamp: nil),
                at: 2)
            let outcomes = try await handler.handle(messages)
            #expect(
                outcomes.map(Self.listings) == [
                    ["two-country-site/T-1"], ["two-country-site/T-2"], [], ["two-country-site/T-3"], ["two-country-site/T-4"],
                ])
            #expect(outcomes[2].isFailure, "the unreadable message is dead-lettered")
        }
    }

    @Test(
        "on PostgreSQL a record that moves to another country, leaving its home there, and one key in two countries in one batch end as on SQLite, without a failed batch"
    )
    func recordsMovingCountryEndAsOnSQLite() async throws {
        let batches: [[RawRecord]] = [
            // The flat feed's home in Springfield, the site's listing of it, and a Canadian listing.
            [SeedScenario.flat, Self.listing("S-1", in: "US"), Self.listing("S-2", in: "CA")],
            // S-1 moves to Canada (its record of another region is stored unconfined, with S-5,
            // stored before it in Canada's transaction); it leaves the Springfield home, whose
            // listings its Canadian address no longer matches, and the home goes on without it.
            // S-5's heating is a term no vocabulary knows.
            [Self.listing("S-5", in: "CA", street: "300 Bay Street", heating: "peat stove"), Self.listing("S-1", in: "CA")],
            // The nested feed's listing of the Springfield home joins it (without S-1); S-2 is
            // American and Canadian again in one batch, S-3 Canadian and then American; S-4 is
            // stamped German (mapped American) and then Canadian: the later version wins.
            [
                SeedScenario.nested, Self.listing("S-2", in: "US"), Self.listing("S-3", in: "CA"), Self.listing("S-2", in: "CA"),
                Self.listing("S-3", in: "US"), Self.listing("S-4", in: "US", stamped: "DE"), Self.listing("S-4", in: "CA", stamped: "CA"),
            ],
        ]
        var homesByKind: [StoreKind: [Home]] = [:]
        for kind in StoreKind.allCases {
            let metrics = TestMetrics()
            try await Self.withHandler(kind, metrics: metrics) { handler, normalizer in
                var offset: Int64 = 0
                for (number, batch) in batches.enumerated() {
                    let messages = try batch.map { record in
                        offset += 1
                        return try Self.message(record, offset: offset)
                    }
                    let outcomes = try await handler.handle(messages)
                    #expect(outcomes.count == batch.count)
                    #expect(outcomes.allSatisfy { !$0.isFailure }, "\(outcomes.flatMap(\.failures))")
                    if number == 1 {
                        // S-1's Canadian transaction found its American version and was done again,
                        // counted; S-5's unmapped term is counted once, for the transaction that stood.
                        let retries = metrics.counterTotal(label: "normalizer_region_retries_total", dimensions: [("region", "CA")])
                        #expect(retries == (kind == .postgres ? 1 : 0), "\(kind)")
                        #expect(outcomes[0].outputs.contains { ($0 as? MonitoringEvent)?.labels["term.heating"] == "peat stove" })
                        let unmapped = metrics.counterTotal(
                            label: "normalizer_unmapped_terms_total", dimensions: [("source", "two-country-site"), ("field", "heating")])
                        #expect(unmapped == 1, "\(kind)")
                    }
                }
                let regions = try ["S-1", "S-2", "S-3", "S-4"].map { try normalizer.store.record(key: "two-country-site/\($0)")?.region }
                #expect(regions == ["CA", "CA", "US", "CA"], "\(kind): the later version of each is stored")
                homesByKind[kind] = try normalizer.store.homes()
            }
        }
        let homes = try #require(homesByKind[.postgres])
        // The listings of the Springfield home end as one home, as on SQLite, without S-1,
        // which left it when it moved.
        let springfield = homes.filter { $0.region == "US" }
        #expect(springfield.count == 1)
        #expect(!springfield.contains { $0.provenance.values.contains { $0.contains { $0.recordId == "S-1" } } })
        #expect(try PipelineFixture.comparableHomes(homes) == PipelineFixture.comparableHomes(try #require(homesByKind[.sqlite])))
    }

    @Test(
        "on PostgreSQL a home a person's approval made of listings in two countries stays one home when they return, stored again unconfined, as on SQLite"
    )
    func approvedHomeAcrossCountries() async throws {
        let american = Self.listing("X-1", in: "US")
        let canadian = Self.listing("X-2", in: "CA")
        var repriced = american
        repriced.fetchedAt = american.fetchedAt.addingTimeInterval(86_400)
        repriced.payload = american.payload.replacingOccurrences(of: "250000", with: "245000")
        let subjects = [american.key, canadian.key].sorted()
        let approval = ReviewTask(
            taskId: EntityResolver.taskId(subjects[0], subjects[1]), kind: .ambiguousDuplicate, subjectIds: subjects,
            summary: "Are they the same home?", createdBy: "test", createdAt: SeedScenario.now, status: .approved,
            resolvedBy: "user:reviewer")
        let decision = KafkaConsumerMessage(
            topic: Topic.reviewTasks.name, partition: 0, offset: 3, key: Array(approval.taskId.utf8),
            value: Array(try approval.encoded()), headers: [], timestamp: nil)
        var homesByKind: [StoreKind: [Home]] = [:]
        for kind in StoreKind.allCases {
            let metrics = TestMetrics()
            try await Self.withHandler(kind, metrics: metrics) { handler, normalizer in
                let first = try await handler.handle([try Self.message(american, offset: 1), try Self.message(canadian, offset: 2)])
                #expect(first.map(Self.listings) == [[american.key], [canadian.key]], "\(kind): two homes before the approval")
                let approved = try await handler.handle([decision])
                #expect(approved.map(Self.listings) == [[american.key, canadian.key]], "\(kind)")
                let home = try #require(try normalizer.store.cluster(ofRecord: american.key))

                // Each listing's transaction of its own country meets the other country's member.
                let returned = try await handler.handle([try Self.message(repriced, offset: 4), try Self.message(canadian, offset: 5)])
                #expect(returned.allSatisfy { !$0.isFailure }, "\(kind): \(returned.flatMap(\.failures))")
                #expect(returned.map(Self.listings) == [[american.key, canadian.key], [american.key, canadian.key]], "\(kind)")
                #expect(try normalizer.store.homes().map(\.id) == [home], "\(kind)")
                #expect(try normalizer.store.records(inCluster: home).map(\.key).sorted() == subjects, "\(kind)")
                #expect(try normalizer.store.home(id: home)?.price?.amount == 245_000, "\(kind): the new price is the home's")
                let retries = ["US", "CA"].map {
                    metrics.counterTotal(label: "normalizer_region_retries_total", dimensions: [("region", $0)])
                }
                // On PostgreSQL at least the first country's transaction is done again; SQLite
                // stores a batch in one transaction confined to nothing.
                #expect((retries.reduce(0, +) > 0) == (kind == .postgres), "\(kind): \(retries)")
                homesByKind[kind] = try normalizer.store.homes()
            }
        }
        #expect(
            try PipelineFixture.comparableHomes(try #require(homesByKind[.postgres]))
                == PipelineFixture.comparableHomes(try #require(homesByKind[.sqlite])))
    }
}
