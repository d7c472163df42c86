import Foundation
import Kafka
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

    /// The listing `id` of the two-country site at an American or a Canadian address.
    private static func listing(_ id: String, in country: String) -> RawRecord {
        let address =
            country == "US"
            ? #"{"street": "123 Main Street", "city": "Springfield", "state": "Illinois", "zip": "62704"}"#
            : #"{"street": "100 Queen Street West", "city": "Toronto", "state": "Ontario", "zip": "M5H 2N2"}"#
        return RawRecord(
            sourceId: "two-country-site", recordId: id, region: "US", fetchedAt: SeedScenario.fetchedNested,
            contentType: "application/json",
            payload: """
                {"country": "\(country)", "address": \(address),
                 "listing": {"price": {"amount": 250000, "currency": "\(country == "US" ? "USD" : "CAD")"}},
                 "building": {"area": "130 m2", "constructed": "1990 May", "rooms": 7, "bedrooms": 3, "bathrooms": 2}}
                """)
    }

    private static func message(_ record: RawRecord, offset: Int64) throws -> KafkaConsumerMessage {
        KafkaConsumerMessage(
            topic: Topic.homesRaw.name, partition: 0, offset: offset, key: Array(record.key.utf8), value: Array(try record.encoded()),
            headers: [], timestamp: nil)
    }

    @Test(
        "a record that moves to another country, a cluster reaching across countries and one key in two countries in one batch end as on SQLite, without a failed batch",
        arguments: StoreKind.allCases)
    func recordsMovingCountryEndAsOnSQLite(kind: StoreKind) async throws {
        let batches: [[RawRecord]] = [
            // The flat feed's home in Springfield, the site's listing of it, and a Canadian listing.
            [SeedScenario.flat, Self.listing("S-1", in: "US"), Self.listing("S-2", in: "CA")],
            // S-1 moves to Canada (its record of another region is stored unconfined); it stays
            // in the Springfield home's cluster, which now reaches into Canada.
            [Self.listing("S-1", in: "CA")],
            // The nested feed's listing of the Springfield home joins that cluster; S-2 is
            // American and Canadian again in one batch, S-3 Canadian and then American.
            [
                SeedScenario.nested, Self.listing("S-2", in: "US"), Self.listing("S-3", in: "CA"), Self.listing("S-2", in: "CA"),
                Self.listing("S-3", in: "US"),
            ],
        ]
        var homesByKind: [StoreKind: [Home]] = [:]
        for storeKind in [StoreKind.sqlite, kind] {
            try await storeKind.withFreshPlace { place in
                let normalizer = try await SeedScenario.normalizer(store: try place.open())
                normalizer.update(
                    source: try SourceMappingDocument(yaml: Self.mapping, origin: "test").descriptor(publishedAt: .distantPast))
                let handler = NormalizerBatchHandler(normalizer: normalizer, logger: KafkaTestClients.logger)
                var offset: Int64 = 0
                for batch in batches {
                    let messages = try batch.map { record in
                        offset += 1
                        return try Self.message(record, offset: offset)
                    }
                    let outcomes = try await handler.handle(messages)
                    #expect(outcomes.count == batch.count)
                    #expect(outcomes.allSatisfy { !$0.isFailure }, "\(outcomes.flatMap(\.failures))")
                }
                #expect(try normalizer.store.record(key: "two-country-site/S-1")?.region == "CA")
                #expect(try normalizer.store.record(key: "two-country-site/S-2")?.region == "CA")
                #expect(try normalizer.store.record(key: "two-country-site/S-3")?.region == "US", "the later version is stored")
                homesByKind[storeKind] = try normalizer.store.homes()
            }
        }
        let homes = try #require(homesByKind[kind])
        // A record stays in the home it joined when it moves (resolution keeps its cluster), so
        // the listings of the Springfield home end as one home, as on SQLite.
        #expect(homes.count == 1 && homes.first?.region == "US")
        let listings = Set(homes.flatMap { $0.provenance.values.flatMap { $0.map { "\($0.sourceId)/\($0.recordId)" } } })
        #expect(
            listings == [
                "two-country-site/S-1", "two-country-site/S-2", "two-country-site/S-3", "us-agency-feed/A-77", "us-agency-flat/L-1",
            ])
        #expect(try PipelineFixture.comparableHomes(homes) == PipelineFixture.comparableHomes(try #require(homesByKind[.sqlite])))
    }
}
