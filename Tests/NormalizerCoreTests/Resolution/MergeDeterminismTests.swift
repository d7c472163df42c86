import Foundation
import Schema
import Testing

@testable import NormalizerCore

@Suite("Deterministic merges")
struct MergeDeterminismTests {
    /// The warehouse's homes after normalizing `records` in order, as comparable JSON without
    /// the fetch instants (which differ between runs by definition).
    private func warehouse(after records: [RawRecord]) async throws -> [String] {
        let store = try SQLiteWarehouse(path: ":memory:")
        let normalizer = try await SeedScenario.normalizer(store: store)
        for record in records { _ = try normalizer.normalize(record) }
        let homes = try store.homes().map { home in
            var home = home
            home.provenance = home.provenance.mapValues { entries in
                entries.map { entry in
                    var entry = entry
                    entry.fetchedAt = .distantPast
                    return entry
                }
            }
            home.priceHistory = home.priceHistory?.map { event in
                var event = event
                event.fetchedAt = .distantPast
                return event
            }
            return home
        }
        return try PipelineFixture.comparableHomes(homes)
    }

    @Test("two runs over the same records, arriving in opposite orders milliseconds apart, give identical warehouses")
    func arrivalTimingDoesNotChangeHomes() async throws {
        let records = try PipelineFixture.scenarioRecords(homes: 60, seed: 21)
        let day = PipelineFixture.fetchedAt
        func stamped(_ records: [RawRecord]) -> [RawRecord] {
            records.enumerated().map { index, record in
                var record = record
                record.fetchedAt = day.addingTimeInterval(Double(index) * 0.003)
                return record
            }
        }
        let first = try await warehouse(after: stamped(records))
        let second = try await warehouse(after: stamped(records.reversed()))
        #expect(first.count > 30)
        #expect(first.count == second.count)
        let differing = zip(first, second).filter { $0 != $1 }.count
        #expect(differing == 0, "\(differing) of \(first.count) homes differ between the runs")
    }

    @Test("the most recent record is the one with the later listing or sale date, whenever it was fetched")
    func priceDateDecidesRecency() throws {
        let policy = MergePolicy(
            sourceTrust: ["a": 0.9, "b": 0.5], defaultTrust: 0.5, defaultRule: .mostRecent, fieldRules: [:], numericTolerance: 0.01)
        let fetched = Date(timeIntervalSince1970: 1_750_000_000)
        func record(_ source: String, _ id: String, priceDate: Int?, fetchedAt: Date) -> MappedRecord {
            var fields = ["price": FieldValue(.money(Money(amount: 1, currency: "USD")), raw: "1")]
            if let priceDate { fields["priceDate"] = FieldValue(.integer(priceDate), raw: "\(priceDate)") }
            return MappedRecord(sourceId: source, recordId: id, region: "US", fetchedAt: fetchedAt, fields: fields, matchingKey: nil)
        }
        let older = record("a", "1", priceDate: 2024_03_01, fetchedAt: fetched.addingTimeInterval(86_400 * 3))
        let newer = record("b", "1", priceDate: 2024_05_00, fetchedAt: fetched)
        let undated = record("a", "2", priceDate: nil, fetchedAt: fetched.addingTimeInterval(86_400 * 9))
        let value = FieldValue(.number(1), raw: "1")
        func chosen(among records: [MappedRecord]) -> Int {
            policy.choose(field: "price", standings: records.map(policy.standing(of:)), values: records.map { _ in value }).chosen
        }
        #expect(chosen(among: [older, newer, undated]) == 1)
        // Same day, any instant: trust decides, then source id and record id.
        let morning = record("b", "9", priceDate: nil, fetchedAt: fetched)
        let evening = record("a", "3", priceDate: nil, fetchedAt: fetched.addingTimeInterval(3))
        #expect(chosen(among: [morning, evening]) == 1)
        let twin = record("a", "1", priceDate: nil, fetchedAt: fetched.addingTimeInterval(2))
        #expect(chosen(among: [evening, twin]) == 1)
    }
}
