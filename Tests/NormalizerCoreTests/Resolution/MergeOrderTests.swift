import Foundation
import Kafka
import NormalizerCore
import Pipeline
import Schema
import TestSupport
import Testing

/// The cluster chaos run's scenario (seed 11, 400 homes in the six sources of the project),
/// normalized through the real batch handler in different orders and batch sizes: the homes
/// that stay live must be the same, and a home merged into another must read back as retired,
/// however the warehouse is read.
@Suite("Merge order")
struct MergeOrderTests {
    /// A home as its records: the `sourceId/recordId` keys of its provenance.
    private typealias Members = Set<String>

    /// The warehouse after a run, read two ways: the live homes it lists, and every home the
    /// normalizer ever published read back by id, live when it carries no `retiredInto`; and
    /// the published messages of the homes whose newest version is not what the warehouse holds.
    private struct Outcome {
        var listed: Set<Members>
        var readBack: Set<Members>
        var retiredReadBack: Int
        var staleNewestMessages: [String]
    }

    private static func members(of home: Home) -> Members {
        Set(home.provenance.values.flatMap { $0.map { "\($0.sourceId)/\($0.recordId)" } })
    }

    private static func message(_ record: RawRecord, offset: Int) throws -> KafkaConsumerMessage {
        KafkaConsumerMessage(
            topic: Topic.homesRaw.name, partition: 0, offset: Int64(offset), key: Array(record.key.utf8),
            value: Array(try record.encoded()), headers: [], timestamp: nil)
    }

    /// Normalizes `records` in batches of `batchSize`, each batch one warehouse transaction as
    /// in the service.
    private func run(_ records: [RawRecord], batchSize: Int) async throws -> Outcome {
        let store = try SQLiteWarehouse(path: ":memory:")
        let normalizer = try await SeedScenario.normalizer(store: store)
        let handler = NormalizerBatchHandler(normalizer: normalizer, logger: KafkaTestClients.logger)
        var messages: [Home] = []
        for start in stride(from: 0, to: records.count, by: batchSize) {
            let batch = try records[start..<min(start + batchSize, records.count)].enumerated().map { index, record in
                try Self.message(record, offset: start + index)
            }
            let outcomes = try await handler.handle(batch)
            messages += outcomes.flatMap(\.outputs).compactMap { $0 as? Home }
        }
        var readBack: Set<Members> = []
        var retired = 0
        var stale: [String] = []
        // Read newest-first, as a topic that reordered every home's messages would deliver them.
        let newest = messages.reversed().reduce(into: [String: Home]()) { newest, home in
            if home.replaces(newest[home.id]) { newest[home.id] = home }
        }
        for (id, message) in newest {
            let home = try #require(try store.home(id: id))
            if home.retiredInto == nil { readBack.insert(Self.members(of: home)) } else { retired += 1 }
            if message.version == nil || message.version != home.version || message.retiredInto != home.retiredInto {
                stale.append("\(id): published v\(message.version ?? 0) \(message.retiredInto ?? "live"), stored v\(home.version ?? 0)")
            }
        }
        return Outcome(
            listed: Set(try store.homes().map(Self.members)), readBack: readBack, retiredReadBack: retired, staleNewestMessages: stale)
    }

    /// `records` in the order of a stride through them: a fixed permutation unlike the
    /// generated one, interleaving sources as concurrent producers do.
    private static func interleaved(_ records: [RawRecord], step: Int) -> [RawRecord] {
        var step = step
        while gcd(step, records.count) != 1 { step += 1 }
        return records.indices.map { records[($0 * step) % records.count] }
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    @Test("a pair of one home in two sources merges into one live home whichever record arrives first, in one batch or two")
    func pairMergesInEitherOrder() async throws {
        let records = try PipelineFixture.scenarioRecords(homes: 400, seed: 11)
        let pair = ["de-kaufpreissammlung/KPS-2686777170", "de-immobilien-csv/DE2329727658"]
        let both = try pair.map { key in try #require(records.first { $0.key == key }, "\(key) is in the scenario") }
        for ordered in [both, both.reversed()] {
            for batchSize in [1, 2] {
                let outcome = try await run(ordered, batchSize: batchSize)
                let order = "\(ordered.map(\.key)) in batches of \(batchSize)"
                #expect(outcome.listed == [Set(pair)], "listed live homes after \(order)")
                #expect(outcome.readBack == [Set(pair)], "homes read back without retiredInto after \(order)")
                #expect(outcome.staleNewestMessages.isEmpty, "after \(order)")
            }
        }
    }

    @Test(
        "the whole scenario in different orders and batch sizes leaves the same live homes, read back either way; the newest published version of every home is the stored one"
    )
    func orderDoesNotChangeLiveHomes() async throws {
        let records = try PipelineFixture.scenarioRecords(homes: 400, seed: 11)
        let reference = try await run(records, batchSize: 1)
        #expect(reference.listed.count > 300)
        // The scenario here has more sources than the cluster run's six: a pair may have a third record.
        for pair: Members in [
            ["de-kaufpreissammlung/KPS-2686777170", "de-immobilien-csv/DE2329727658"],
            ["us-open-data/OD3234818834", "us-county-sales/P3099026460"],
        ] {
            #expect(reference.listed.contains { $0.isSuperset(of: pair) }, "\(pair) in one live home")
        }
        #expect(reference.retiredReadBack > 0, "some homes were merged into others")
        #expect(reference.readBack == reference.listed)
        #expect(reference.staleNewestMessages.isEmpty)
        for (ordered, batchSize) in [
            (records.reversed(), 50), (Self.interleaved(records, step: 7), 17), (Self.interleaved(records, step: 101), 200),
        ] {
            let outcome = try await run(Array(ordered), batchSize: batchSize)
            #expect(outcome.listed == reference.listed, "listed live homes, batches of \(batchSize)")
            #expect(outcome.readBack == outcome.listed, "homes read back without retiredInto, batches of \(batchSize)")
            #expect(outcome.staleNewestMessages.isEmpty, "batches of \(batchSize)")
        }
    }
}
