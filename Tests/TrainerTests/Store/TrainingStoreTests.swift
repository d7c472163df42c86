import Foundation
import Schema
import Testing
import TrainerCore

@Suite("Training store")
struct TrainingStoreTests {
    /// A row of home `id`, sold `sold` days after 1970 when it has a `target`.
    private func row(_ id: String, region: String = "DE", target: Double?, sold: Double = 0, retired: Bool = false) -> FeatureRow {
        FeatureRow(
            homeId: id, region: region, featureSchemaVersion: 1, features: ["livingArea": 100], target: target,
            currency: target == nil ? nil : "EUR", labelDate: target == nil ? nil : Date(timeIntervalSince1970: sold * 86_400),
            retired: retired, computedAt: Date(timeIntervalSince1970: 0))
    }

    @Test("the latest row per home is kept; a new or changed label advances the sequence, an unchanged one does not")
    func latestRowPerHome() {
        var store = TrainingStore()
        let now = Date()
        store.apply(row("a", target: nil), at: now)
        #expect(store.sequence == 0)
        store.apply(row("a", target: 300_000, sold: 10), at: now)
        store.apply(row("b", target: 250_000, sold: 20), at: now)
        store.apply(row("a", target: 300_000, sold: 10), at: now)
        #expect(store.sequence == 2)
        #expect(store.labelChanges(region: "DE", since: 0) == 2)
        #expect(store.labelChanges(region: "DE", since: 1) == 1)
        store.apply(row("a", target: 320_000, sold: 30), at: now)
        #expect(store.entries.count == 2)
        #expect(store.labelChanges(region: "DE", since: 2) == 1)
        let rows = store.labelledRows(region: "DE", currency: "EUR", featureSchemaVersion: 1)
        #expect(rows.map(\.row.homeId) == ["b", "a"], "ordered by sale date")
        #expect(rows.map(\.target) == [250_000, 320_000])

        // Sales of one day (undated sales labelled at their fetch time, milliseconds apart in
        // whatever order the sources delivered them) are ordered by home id.
        var sameDay = TrainingStore()
        sameDay.apply(row("z", target: 1, sold: 40.6), at: now)
        sameDay.apply(row("m", target: 1, sold: 40.2), at: now)
        sameDay.apply(row("c", target: 1, sold: 40.9), at: now)
        #expect(sameDay.labelledRows(region: "DE", currency: "EUR", featureSchemaVersion: 1).map(\.row.homeId) == ["c", "m", "z"])
    }

    @Test("retired homes leave the store, other regions, currencies and feature versions are not training rows")
    func onlyMatchingRowsTrain() {
        var store = TrainingStore()
        store.apply(row("a", target: 1), at: Date())
        store.apply(row("us", region: "US", target: 2), at: Date())
        var usd = row("usd", target: 3)
        usd.currency = "USD"
        store.apply(usd, at: Date())
        var old = row("old", target: 4)
        old.featureSchemaVersion = 0
        store.apply(old, at: Date())
        store.apply(row("a", target: 1, retired: true), at: Date())
        #expect(store.entries["a"] == nil)
        #expect(store.labelledRows(region: "DE", currency: "EUR", featureSchemaVersion: 1).isEmpty)
    }

    @Test("a row of an older version of a home than the one held or retired changes nothing; a newer one revives it")
    func olderVersionsAreIgnored() throws {
        var store = TrainingStore()
        func versioned(_ target: Double?, _ version: Int?, retired: Bool = false) -> FeatureRow {
            var row = row("a", target: target, sold: 10, retired: retired)
            row.homeVersion = version
            return row
        }
        store.apply(versioned(100, 2), at: Date())
        store.apply(versioned(90, 1), at: Date())
        #expect(store.entries["a"]?.row.target == 100)
        #expect(store.sequence == 1)
        store.apply(versioned(100, 3, retired: true), at: Date())
        store.apply(versioned(100, 2), at: Date())
        #expect(store.entries["a"] == nil, "a late live row of version 2 does not revive the home retired at 3")
        #expect(store.retiredVersions["a"] == 3)
        let saved = try JSONDecoder().decode(TrainingStore.self, from: JSONEncoder().encode(store))
        #expect(saved == store)
        store.apply(versioned(110, 4), at: Date())
        #expect(store.entries["a"]?.row.target == 110, "version 4 brings it back")
        #expect(store.retiredVersions.isEmpty)
        store.apply(versioned(120, nil), at: Date())
        #expect(store.entries["a"]?.row.target == 120, "an unnumbered row replaces any")
    }

    @Test("a store saved before homes were numbered still loads")
    func loadsUnnumberedStore() throws {
        var store = TrainingStore()
        store.apply(row("a", target: 1), at: Date(timeIntervalSince1970: 0))
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(store)) as? [String: Any])
        object["retiredVersions"] = nil
        let loaded = try JSONDecoder().decode(TrainingStore.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(loaded == store)
    }

    @Test("a reported sale price labels its home when newer than the row's own label; other feedback is ignored")
    func feedbackLabelsHomes() {
        var store = TrainingStore()
        store.apply(row("a", target: nil), at: Date())
        store.apply(row("b", target: 200_000, sold: 100), at: Date())
        store.apply(
            Feedback(
                feedbackId: "f1", predictionId: "p1", kind: .salePrice, value: 410_000, currency: "EUR", homeId: "a",
                at: Date(timeIntervalSince1970: 50)))
        store.apply(
            Feedback(
                feedbackId: "f2", predictionId: "p2", kind: .salePrice, value: 999, currency: "EUR", homeId: "b",
                at: Date(timeIntervalSince1970: 10)))
        store.apply(
            Feedback(feedbackId: "f3", predictionId: "p3", kind: .rating, value: 5, homeId: "b", at: Date(timeIntervalSince1970: 500)))
        store.apply(Feedback(feedbackId: "f4", predictionId: "p4", kind: .salePrice, value: 1, currency: "EUR", at: Date()))
        let rows = store.labelledRows(region: "DE", currency: "EUR", featureSchemaVersion: 1)
        #expect(Dictionary(uniqueKeysWithValues: rows.map { ($0.row.homeId, $0.target) }) == ["a": 410_000, "b": 200_000])
        #expect(store.labelChanges(region: "DE", since: 1) == 2, "both homes changed after b's own label")
    }

    @Test("positions only move forward")
    func positionsMoveForward() {
        var store = TrainingStore()
        store.advance(topic: "homes.features", partition: 2, to: 10)
        store.advance(topic: "homes.features", partition: 2, to: 4)
        #expect(store.positions["homes.features"]?[2] == 10)
    }
}
