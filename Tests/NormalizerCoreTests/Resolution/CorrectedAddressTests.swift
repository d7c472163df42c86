import Foundation
import NormalizerCore
import Schema
import ServiceSupport
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

    /// A German agency's flats: an address, a floor, an area and a bedroom count.
    private static let flats = SeedScenario.germanAgencyMapping(
        id: "de-flats-regroup", fields: ["bedrooms: { path: schlafzimmer }", "floor: { path: etage }"])

    /// Record `id` of ``flats`` (fetched `day` days after the seed scenario's time).
    private static func flat(
        _ id: String, street: String = "Schönhauser Allee", area: Int = 72, bedrooms: Int = 2, floor: String = "2. OG", day: Double = 0
    ) -> RawRecord {
        RawRecord(
            sourceId: "de-flats-regroup", recordId: id, region: "DE", fetchedAt: SeedScenario.now.addingTimeInterval(day * 86_400),
            contentType: "application/json",
            payload: """
                {"strasse": "\(street)", "nr": "80", "plz": "10439", "ort": "Berlin", "preis": "389.000 €",
                 "flaeche": "\(area)", "schlafzimmer": \(bedrooms), "etage": "\(floor)"}
                """)
    }

    /// The key prefix of ``flats``' records.
    private static let prefix = "de-flats-regroup/"

    /// Normalizes `records` in order.
    private static func normalize(_ records: [RawRecord], with normalizer: Normalizer) throws {
        for record in records { _ = try normalizer.normalize(record) }
    }

    /// A normalizer over a fresh warehouse of `kind` that knows ``flats``, after it normalized
    /// `records` (``flat(_:street:area:bedrooms:floor:day:)``) in order.
    private func withFlats(on kind: StoreKind, after records: [RawRecord] = [], _ body: (Normalizer) throws -> Void) async throws {
        try await SeedScenario.withNormalizer(on: kind) { normalizer in
            normalizer.update(source: try SourceMappingDocument(yaml: Self.flats, origin: "test").descriptor(publishedAt: .distantPast))
            try Self.normalize(records, with: normalizer)
            try body(normalizer)
        }
    }

    /// Expects `replayed` to announce every home `output` announced, at the same version and
    /// retirement: a replay must send what a first pass whose outputs were lost sent.
    private static func expectAnnouncedAgain(_ output: NormalizerOutput, by replayed: NormalizerOutput) {
        for announced in output.homes {
            #expect(
                replayed.homes.contains {
                    $0.id == announced.id && $0.version == announced.version && $0.retiredInto == announced.retiredInto
                },
                "\(announced.id) is not announced again")
        }
    }

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
            Self.expectAnnouncedAgain(output, by: replayed)
        }
    }

    @Test("joins the home at its new address without merging its old home into it", arguments: StoreKind.allCases)
    func joinsTheHomeAtItsNewAddress(kind: StoreKind) async throws {
        try await SeedScenario.withNormalizer(on: kind) { normalizer in
            let store = normalizer.store
            try Self.normalize([SeedScenario.flat, SeedScenario.nested, Self.nestedAtOakAvenue], with: normalizer)
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

    @Test(
        "listings linked only through the record that leaves part as well, as they would had it never been linked",
        arguments: StoreKind.allCases)
    func listingsLinkedThroughItPart(kind: StoreKind) async throws {
        try await withFlats(on: kind) { normalizer in
            // A and C differ in area and bedrooms (a question for a person, not a merge); B
            // shares its area with A and its bedrooms with C, so it links them.
            let a = Self.flat("A", area: 72, bedrooms: 3)
            let b = Self.flat("B", area: 72, bedrooms: 2)
            let c = Self.flat("C", area: 110, bedrooms: 2)
            try Self.normalize([a, b, c], with: normalizer)
            #expect(try clusters(in: normalizer.store) == [[Self.prefix + "A", Self.prefix + "B", Self.prefix + "C"]])

            _ = try normalizer.normalize(Self.flat("B", street: "Kastanienallee", area: 72, bedrooms: 2, day: 1))
            #expect(try clusters(in: normalizer.store) == [[Self.prefix + "A"], [Self.prefix + "B"], [Self.prefix + "C"]])
            // A replay of either changes nothing.
            let homes = try normalizer.store.homes()
            try Self.normalize([a, c], with: normalizer)
            #expect(try normalizer.store.homes() == homes)
        }
    }

    @Test(
        "a record that leaves over its floor and gave its home its id keeps the id; the listing left behind takes a new one, and nothing is announced retired",
        arguments: StoreKind.allCases)
    func leavingRecordKeepsItsId(kind: StoreKind) async throws {
        try await withFlats(on: kind) { normalizer in
            _ = try normalizer.normalize(Self.flat("A"))
            let merged = try #require(try normalizer.normalize(Self.flat("B")).homes.first)
            #expect(try normalizer.store.records(inCluster: merged.id).count == 2)

            // A gives the smallest key; on the third floor it vetoes B.
            let output = try normalizer.normalize(Self.flat("A", floor: "3. OG", day: 1))
            #expect(try clusters(in: normalizer.store) == [[Self.prefix + "A"], [Self.prefix + "B"]])
            #expect(try normalizer.store.records(inCluster: merged.id).map(\.key) == [Self.prefix + "A"])
            #expect(!output.homes.contains { $0.retiredInto != nil }, "\(output.homes.map { "\($0.id)>\($0.retiredInto ?? "")" })")
            #expect(try normalizer.store.home(id: merged.id)?.retiredInto == nil)
            #expect(try normalizer.store.history(ofHome: merged.id).allSatisfy { $0.home.retiredInto == nil })
            #expect(Set(output.homes.map(\.id)) == Set(try normalizer.store.homes().map(\.id)))
        }
    }

    @Test(
        "a home a person's approval brought together, two of its listings on different floors, stays one home when any listing is replayed",
        arguments: StoreKind.allCases)
    func approvedHomeSurvivesReplays(kind: StoreKind) async throws {
        try await withFlats(on: kind) { normalizer in
            // A and C match; B, on another floor than A, is brought in by a person's approval of B
            // and C.
            let records = [Self.flat("A", floor: "2. OG"), Self.flat("B", floor: "3. OG"), Self.flat("C", floor: "")]
            for record in records { _ = try normalizer.normalize(record) }
            let subjects = [Self.prefix + "B", Self.prefix + "C"]
            _ = try normalizer.apply(
                decision: ReviewTask(
                    taskId: EntityResolver.taskId(subjects[0], subjects[1]), kind: .ambiguousDuplicate, subjectIds: subjects,
                    summary: "Are they the same home?", createdBy: "test", createdAt: SeedScenario.now, status: .approved,
                    resolvedBy: "user:reviewer"))
            let approved: Set<[String]> = [[Self.prefix + "A", Self.prefix + "B", Self.prefix + "C"]]
            #expect(try clusters(in: normalizer.store) == approved)
            let homes = try normalizer.store.homes()
            for record in records {
                _ = try normalizer.normalize(record)
                #expect(try clusters(in: normalizer.store) == approved, "after \(record.recordId)")
            }
            #expect(try normalizer.store.homes() == homes)
        }
    }

    @Test(
        "a record on a new floor leaves a home whose other listings a listing without a floor links, and does not rejoin it",
        arguments: StoreKind.allCases)
    func newFloorLeavesABridgedHome(kind: StoreKind) async throws {
        try await withFlats(on: kind, after: [Self.flat("A"), Self.flat("B"), Self.flat("C", floor: "")]) { normalizer in
            #expect(try clusters(in: normalizer.store) == [[Self.prefix + "A", Self.prefix + "B", Self.prefix + "C"]])
            // On the third floor A vetoes B; C, without a floor, would still link it to B.
            _ = try normalizer.normalize(Self.flat("A", floor: "3. OG", day: 1))
            #expect(try clusters(in: normalizer.store) == [[Self.prefix + "A"], [Self.prefix + "B", Self.prefix + "C"]])
        }
    }

    @Test(
        "a record that gave its home's id leaves two listings it alone linked: two homes, the old id retired into the one with the smaller id, all announced again on its replay",
        arguments: StoreKind.allCases)
    func twoGroupsLeftBehind(kind: StoreKind) async throws {
        try await withFlats(on: kind) { normalizer in
            // K0 matches K1 (the same area) and K2 (the same bedrooms); K1 and K2 do not match.
            for record in [Self.flat("K1", area: 72, bedrooms: 3), Self.flat("K2", area: 110, bedrooms: 2), Self.flat("K0")] {
                _ = try normalizer.normalize(record)
            }
            let store = normalizer.store
            #expect(try clusters(in: store) == [[Self.prefix + "K0", Self.prefix + "K1", Self.prefix + "K2"]])
            let old = try #require(try store.homes().first?.id)

            let moved = Self.flat("K0", street: "Kastanienallee", day: 1)
            let output = try normalizer.normalize(moved)
            #expect(try clusters(in: store) == [[Self.prefix + "K0"], [Self.prefix + "K1"], [Self.prefix + "K2"]])
            let heir = try #require(
                try store.homes().filter { try store.records(inCluster: $0.id).map(\.key) != [Self.prefix + "K0"] }.map(\.id).min())
            #expect(try store.home(id: old)?.retiredInto == heir)
            #expect(output.homes.contains { $0.id == old && $0.retiredInto == heir })

            let replayed = try normalizer.normalize(moved)
            Self.expectAnnouncedAgain(output, by: replayed)
        }
    }

    @Test(
        "a record that keeps its home's id as it leaves over its floor, then joins a listing with a smaller key, takes the id into that home",
        arguments: StoreKind.allCases)
    func keptIdFollowsTheRecordIntoItsNewHome(kind: StoreKind) async throws {
        // A and B, on the second floor, are one home under A's id; 0, on the third, stays apart
        // (it vetoes both) and has the smaller key.
        try await withFlats(on: kind, after: [Self.flat("A"), Self.flat("B"), Self.flat("0", floor: "3. OG")]) { normalizer in
            let store = normalizer.store
            #expect(try clusters(in: store) == [[Self.prefix + "A", Self.prefix + "B"], [Self.prefix + "0"]])
            let old = try #require(try store.cluster(ofRecord: Self.prefix + "A"))
            let third = try #require(try store.cluster(ofRecord: Self.prefix + "0"))

            // On the third floor A vetoes B and matches 0: it leaves with the old id, which its
            // new home, under 0's id, takes over; B goes on alone under an id of its own.
            let moved = Self.flat("A", floor: "3. OG", day: 1)
            let output = try normalizer.normalize(moved)
            #expect(try clusters(in: store) == [[Self.prefix + "0", Self.prefix + "A"], [Self.prefix + "B"]])
            #expect(try store.cluster(ofRecord: Self.prefix + "A") == third)
            let alone = try #require(try store.cluster(ofRecord: Self.prefix + "B"))
            #expect(alone != old && alone != third)
            #expect(try store.home(id: old)?.retiredInto == third)
            #expect(output.homes.contains { $0.id == old && $0.retiredInto == third })
            for home in try store.homes() {
                #expect(output.homes.contains { $0.id == home.id && $0.version == home.version && $0.retiredInto == nil }, "\(home.id)")
            }

            let replayed = try normalizer.normalize(moved)
            Self.expectAnnouncedAgain(output, by: replayed)
        }
    }
}
