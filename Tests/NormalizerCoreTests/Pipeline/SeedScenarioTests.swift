import Features
import Foundation
import NormalizerCore
import Schema
import ServiceSupport
import TestSupport
import Testing

@Suite("The seed scenario's two listings")
struct SeedScenarioTests {
    @Test("come out as one canonical home with two provenance entries per shared field")
    func mergeIntoOneHome() async throws {
        let normalizer = try await SeedScenario.normalizer()
        let first = try normalizer.normalize(SeedScenario.flat)
        let second = try normalizer.normalize(SeedScenario.nested)
        #expect(first.deadLetters.isEmpty && second.deadLetters.isEmpty)
        let home = try #require(second.homes.first)
        // The first listing's single-record home is retired into the merged one.
        #expect(try normalizer.store.homes().map(\.id) == [home.id])
        let firstId = try #require(first.homes.first?.id)
        let retirement = try normalizer.store.history(ofHome: firstId).last?.changedFields
        #expect(firstId == home.id || retirement == ["retiredInto:\(home.id)"])

        #expect(home.address.street == "Main St")
        #expect(home.address.houseNumber == "123")
        #expect(home.address.postalCode == "62704")
        #expect(home.address.state == "IL")
        #expect(home.builtYear == 1990)
        #expect(home.builtMonth == 5)
        #expect(home.price == Money(amount: 250_000, currency: "USD"))
        #expect(home.rooms == 7)
        #expect(home.bedrooms == 3)
        #expect(home.garageSpaces == 2)
        #expect(home.heating == "gas")
        #expect(home.cooling == "centralAir")
        for field in ["builtYear", "builtMonth", "price", "rooms", "garageSpaces", "heating", "cooling", "livingArea"] {
            let entries = try #require(home.provenance[field], "no provenance for \(field)")
            #expect(Set(entries.map(\.sourceId)) == ["us-agency-flat", "us-agency-feed"], "\(field)")
            #expect(entries.filter(\.chosen).count == 1, "\(field)")
        }
        let agreeing = ["builtYear", "builtMonth", "price", "rooms", "garageSpaces", "heating", "cooling"]
        #expect(home.conflicts.allSatisfy { !agreeing.contains($0.field) })
    }

    @Test("resolve the area conflict by source trust and keep the other value as a conflict")
    func areaConflict() async throws {
        let normalizer = try await SeedScenario.normalizer()
        _ = try normalizer.normalize(SeedScenario.flat)
        let home = try #require(try normalizer.normalize(SeedScenario.nested).homes.first)
        // configs/normalizer.yaml: livingArea follows the default rule, sourcePriority, and the
        // nested feed (0.9) is trusted over the flat one (0.85): 130 m² wins over 111.48 m².
        #expect(home.livingArea == 130)
        #expect(home.conflicts.contains(FieldConflict(field: "livingArea", resolution: .sourcePriority)))
        let entries = try #require(home.provenance["livingArea"])
        let chosen = try #require(entries.first { $0.chosen })
        #expect(chosen.sourceId == "us-agency-feed" && chosen.value == "130 m2")
        #expect(entries.contains { !$0.chosen && $0.value == "1200 sqft" })
    }

    @Test("give the same home whichever listing arrives first")
    func orderIndependent() async throws {
        let forward = try await SeedScenario.normalizer()
        _ = try forward.normalize(SeedScenario.flat)
        let a = try #require(try forward.normalize(SeedScenario.nested).homes.first)
        let backward = try await SeedScenario.normalizer()
        _ = try backward.normalize(SeedScenario.nested)
        var b = try #require(try backward.normalize(SeedScenario.flat).homes.first)
        #expect(a.version == 1, "forward: the nested listing's merged home is new, the flat one's retired")
        #expect(b.version == 2, "backward: the flat listing updates the nested one's home")
        b.version = a.version
        #expect(a == b)
    }

    @Test("leave one live feature row in either order: a home merged away is announced retired and its row retired too")
    func oneFeatureRowInEitherOrder() async throws {
        let reader = try await ConfigurationLoader.reader(layout: TestProject.layout, files: ["pipeline.yaml"])
        let builder = FeatureRowBuilder(settings: try FeatureSettings(reader: reader))
        for order in [[SeedScenario.flat, SeedScenario.nested], [SeedScenario.nested, SeedScenario.flat]] {
            let normalizer = try await SeedScenario.normalizer()
            var published: [Home] = []
            for record in order { published += try normalizer.normalize(record).homes }
            // homes.features read as latest value per key, as the trainer reads it.
            var latest: [String: FeatureRow] = [:]
            for home in published {
                let row = builder.build(from: home, computedAt: SeedScenario.now).row
                if row.replaces(latest[row.homeId]) { latest[row.homeId] = row }
            }
            let live = latest.values.filter { !$0.retired }
            #expect(live.count == 1, "order \(order.map(\.sourceId))")
            #expect(live.first?.homeId == (try normalizer.store.homes().map(\.id)).first)
            for retired in published where retired.retiredInto != nil {
                #expect(retired.retiredInto == live.first?.homeId)
            }
        }
    }

    @Test("a merge whose outputs were lost (the process killed after its transaction) announces the retirement again when replayed")
    func replayedMergeAnnouncesItsRetirementAgain() async throws {
        var retirements = 0
        for order in [[SeedScenario.flat, SeedScenario.nested], [SeedScenario.nested, SeedScenario.flat]] {
            let normalizer = try await SeedScenario.normalizer()
            let first = try normalizer.normalize(order[0]).homes
            _ = try normalizer.normalize(order[1])  // committed; its outputs never reach the topic
            let replayed = try normalizer.normalize(order[1]).homes
            let survivor = try #require(try normalizer.store.homes().map(\.id).first)
            let firstId = try #require(first.first?.id)
            // In one order the merged home keeps the first home's id: nothing was retired.
            let expected = firstId == survivor ? ["\(survivor) live"] : ["\(firstId) \(survivor)", "\(survivor) live"]
            retirements += expected.count - 1
            #expect(
                replayed.map { "\($0.id) \($0.retiredInto ?? "live")" }.sorted() == expected.sorted(),
                "order \(order.map(\.sourceId))")
            // What the topic holds, latest per key: the first home, then the replay.
            var latest: [String: Home] = [:]
            for home in first + replayed { latest[home.id] = home }
            #expect(latest.values.filter { $0.retiredInto == nil }.map(\.id) == [survivor])
            // A second replay announces the same again, and nothing else.
            #expect(try normalizer.normalize(order[1]).homes.map(\.id).sorted() == replayed.map(\.id).sorted())
        }
        #expect(retirements == 1, "one order merges the first home away")
    }

    @Test(
        "a merge whose outputs were lost announces the retirement again when its record comes back changed (a restarted producer's new fetch time)"
    )
    func republishedMergeAnnouncesItsRetirementAgain() async throws {
        var retirements = 0
        for order in [[SeedScenario.flat, SeedScenario.nested], [SeedScenario.nested, SeedScenario.flat]] {
            let normalizer = try await SeedScenario.normalizer()
            let first = try normalizer.normalize(order[0]).homes
            let merged = try normalizer.normalize(order[1]).homes  // committed; its outputs never reach the topic
            var again = order[1]
            again.fetchedAt = again.fetchedAt.addingTimeInterval(3_600)
            let republished = try normalizer.normalize(again).homes
            let survivor = try #require(try normalizer.store.homes().map(\.id).first)
            let firstId = try #require(first.first?.id)
            // The home changed with the record (so this is not the unchanged replay's path).
            let mergedVersion = try #require(merged.first { $0.id == survivor }?.version)
            #expect(republished.first { $0.id == survivor }?.version == mergedVersion + 1, "order \(order.map(\.sourceId))")
            let expected = firstId == survivor ? ["\(survivor) live"] : ["\(firstId) \(survivor)", "\(survivor) live"]
            retirements += expected.count - 1
            #expect(
                republished.map { "\($0.id) \($0.retiredInto ?? "live")" }.sorted() == expected.sorted(),
                "order \(order.map(\.sourceId))")
        }
        #expect(retirements == 1, "one order merges the first home away")
    }

    @Test("a replay announces again a retirement reachable only through another: a chain of merges whose middle outputs were lost")
    func replayAnnouncesAChainOfRetirements() async throws {
        // Three listings of one home from one source, arriving so that each takes the home's id
        // (the smallest record key): L-3's home is retired into L-2's, and L-2's into L-1's.
        let listings = ["L-3", "L-2", "L-1"].map { id in
            RawRecord(
                sourceId: SeedScenario.flat.sourceId, recordId: id, region: SeedScenario.flat.region,
                fetchedAt: SeedScenario.flat.fetchedAt, contentType: SeedScenario.flat.contentType,
                payload: SeedScenario.flat.payload.replacingOccurrences(of: "\"L-1\"", with: "\"\(id)\""))
        }
        let normalizer = try await SeedScenario.normalizer()
        var topic = try normalizer.normalize(listings[0]).homes
        let middle = try normalizer.normalize(listings[1]).homes  // committed; its outputs are lost
        topic += try normalizer.normalize(listings[2]).homes
        let survivor = try #require(try normalizer.store.homes().map(\.id).first)
        let first = try #require(topic.first?.id)
        let second = try #require(middle.first { $0.retiredInto == nil }?.id)
        try #require(Set([first, second, survivor]).count == 3, "each listing gave the home a new id")
        try #require(try normalizer.store.homes(retiredInto: second).map(\.id) == [first], "the chain: first into second")

        let replayed = try normalizer.normalize(listings[1]).homes
        #expect(
            replayed.map { "\($0.id) \($0.retiredInto ?? "live")" }.sorted()
                == ["\(first) \(second)", "\(second) \(survivor)", "\(survivor) live"].sorted())
        var latest: [String: Home] = [:]
        for home in topic + replayed { latest[home.id] = home }
        #expect(latest.values.filter { $0.retiredInto == nil }.map(\.id) == [survivor])
    }
}
