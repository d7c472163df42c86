import Foundation
import NormalizerCore
import Schema
import TestSupport
import Testing

/// A source corrects a listing's address: the record's new version no longer matches the
/// other listings of its home. It must leave that home, which goes on without it, instead of
/// dragging it into the home at the new address.
@Suite("A record whose address is corrected", .postgresServer)
struct CorrectedAddressTests {
    /// The seed scenario's flat listing, published again a day later at another address of
    /// the same town and postal code.
    private static let flatAtOakAvenue = RawRecord(
        sourceId: SeedScenario.flat.sourceId,
        recordId: SeedScenario.flat.recordId,
        region: "US",
        fetchedAt: SeedScenario.fetchedFlat.addingTimeInterval(86_400),
        contentType: "application/json",
        payload: SeedScenario.flat.payload.replacingOccurrences(of: "123 Main St", with: "48 Oak Ave")
    )

    /// Another agency record of the home at 48 Oak Avenue, alike in everything but the address.
    private static let nestedAtOakAvenue = RawRecord(
        sourceId: SeedScenario.nested.sourceId,
        recordId: "A-78",
        region: "US",
        fetchedAt: SeedScenario.fetchedNested,
        contentType: "application/json",
        payload: SeedScenario.nested.payload.replacingOccurrences(of: "A-77", with: "A-78")
            .replacingOccurrences(of: "\"street\": \"123 Main Street\"", with: "\"street\": \"48 Oak Avenue\"")
    )

    /// Each live home as the sorted keys of its records.
    private func clusters(in store: any NormalizerStore) throws -> Set<[String]> {
        Set(try store.homes().map { home in try store.records(inCluster: home.id).map(\.key).sorted() })
    }

    /// Runs `body` once the seed scenario's two listings are one home (`merged`).
    private func withTheSeedHome(on kind: StoreKind, _ body: (Normalizer, Home) throws -> Void) async throws {
        try await SeedScenario.withNormalizer(on: kind) { normalizer in
            _ = try normalizer.normalize(SeedScenario.flat)
            let merged = try #require(try normalizer.normalize(SeedScenario.nested).homes.first)
            #expect(try clusters(in: normalizer.store) == [["us-agency-feed/A-77", "us-agency-flat/L-1"]])
            try body(normalizer, merged)
        }
    }

    @Test("leaves its home, which goes on without it under an id announced to replace the old one", arguments: StoreKind.allCases)
    func leavesItsHome(kind: StoreKind) async throws {
        try await withTheSeedHome(on: kind) { normalizer, merged in
            let store = normalizer.store

            let output = try normalizer.normalize(Self.flatAtOakAvenue)
            #expect(try clusters(in: store) == [["us-agency-feed/A-77"], ["us-agency-flat/L-1"]])
            let live = try store.homes()
            let moved = try #require(live.first { $0.address.street?.contains("Oak") == true })
            let stayed = try #require(live.first { $0.id != moved.id })
            #expect(stayed.address.street?.contains("Main") == true)
            #expect(
                Set(stayed.provenance.values.flatMap { $0.map(\.sourceId) }) == ["us-agency-feed"], "no value of the moved record stays")
            #expect(Set(moved.provenance.values.flatMap { $0.map(\.sourceId) }) == ["us-agency-flat"])
            // Every live home is announced at its stored version, and the merged home's id, now
            // no cluster's, is announced retired into the home that kept its other listing.
            for home in live {
                #expect(output.homes.contains { $0.id == home.id && $0.version == home.version && $0.retiredInto == nil })
            }
            if merged.id != stayed.id && merged.id != moved.id {
                #expect(output.homes.contains { $0.id == merged.id && $0.retiredInto == stayed.id })
                #expect(try store.home(id: merged.id)?.retiredInto == stayed.id)
            }

            // Its replay changes nothing, and announces again what the first pass announced
            // (its outputs may have been lost): the home it left too, at its stored version.
            let homes = try store.homes()
            let replayed = try normalizer.normalize(Self.flatAtOakAvenue)
            #expect(try store.homes() == homes)
            #expect(replayed.homes.first == output.homes.first { $0.id == moved.id })
            for announced in output.homes {
                #expect(
                    replayed.homes.contains {
                        $0.id == announced.id && $0.version == announced.version && $0.retiredInto == announced.retiredInto
                    },
                    "\(announced.id) is not announced again")
            }
        }
    }

    @Test("joins the home at its new address without merging its old home into it", arguments: StoreKind.allCases)
    func joinsTheHomeAtItsNewAddress(kind: StoreKind) async throws {
        try await SeedScenario.withNormalizer(on: kind) { normalizer in
            let store = normalizer.store
            for record in [SeedScenario.flat, SeedScenario.nested, Self.nestedAtOakAvenue] { _ = try normalizer.normalize(record) }
            #expect(try clusters(in: store) == [["us-agency-feed/A-77", "us-agency-flat/L-1"], ["us-agency-feed/A-78"]])

            _ = try normalizer.normalize(Self.flatAtOakAvenue)
            #expect(try clusters(in: store) == [["us-agency-feed/A-77"], ["us-agency-feed/A-78", "us-agency-flat/L-1"]])
        }
    }

    @Test("stays in its home when its new version still matches it", arguments: StoreKind.allCases)
    func staysWhenItStillMatches(kind: StoreKind) async throws {
        try await withTheSeedHome(on: kind) { normalizer, merged in
            let store = normalizer.store
            var repriced = SeedScenario.flat
            repriced.fetchedAt = Self.flatAtOakAvenue.fetchedAt
            repriced.payload = SeedScenario.flat.payload.replacingOccurrences(of: "$250,000", with: "$245,000")
            let output = try normalizer.normalize(repriced)
            #expect(try clusters(in: store) == [["us-agency-feed/A-77", "us-agency-flat/L-1"]])
            #expect(output.homes.first?.id == merged.id)
            // After it, only the earlier announcements of homes retired into it, sent again.
            #expect(output.homes.dropFirst().allSatisfy { $0.retiredInto == merged.id })
        }
    }
}
