import Foundation
import Kafka
import NormalizerCore
import Pipeline
import Schema
import ServiceSupport
import Synchronization
import TestSupport
import Testing

@Suite("Normalizer batch handler")
struct NormalizerBatchHandlerTests {
    /// A raw record of a new source, as a consumed message.
    private func message(sourceId: String) throws -> KafkaConsumerMessage {
        var record = SeedScenario.nested
        record.sourceId = sourceId
        return KafkaConsumerMessage(
            topic: Topic.homesRaw.name, partition: 0, offset: 0, key: Array(record.key.utf8), value: Array(try record.encoded()),
            headers: [], timestamp: nil)
    }

    private func descriptor(id: String) throws -> SourceDescriptor {
        let mapping = SeedScenario.nestedMapping.replacingOccurrences(of: "id: us-agency-feed", with: "id: \(id)")
        return try SourceMappingDocument(yaml: mapping, origin: "test").descriptor(publishedAt: Date())
    }

    @Test("a record whose source the catalog reader has not read yet waits for it and is normalized")
    func waitsForTheCatalog() async throws {
        let normalizer = try await SeedScenario.normalizer()
        let descriptor = try descriptor(id: "new-feed")
        let waits = Mutex(0)
        // The catalog reader lags: the entry is on the topic, read only when asked to catch up.
        let handler = NormalizerBatchHandler(normalizer: normalizer, logger: KafkaTestClients.logger) {
            waits.withLock { $0 += 1 }
            _ = normalizer.update(source: descriptor)
        }
        let outcomes = try await handler.handle([try message(sourceId: "new-feed")])
        #expect(outcomes.count == 1 && !outcomes[0].isFailure, "normalized, not rejected: \(outcomes.flatMap(\.failures))")
        #expect(outcomes.flatMap(\.outputs).contains { $0 is Home })
        #expect(waits.withLock { $0 } == 1)

        // A known source does not wait.
        _ = try await handler.handle([try message(sourceId: "new-feed")])
        #expect(waits.withLock { $0 } == 1)
    }

    @Test("a source still unknown once the catalog is read, or after the bounded wait, is dead-lettered as unknown")
    func unknownAfterWaiting() async throws {
        var configuration = try await SeedScenario.configuration()
        configuration.unknownSourceWait = .milliseconds(50)
        let normalizer = Normalizer(
            configuration: configuration, catalog: try SeedScenario.catalog(), store: try SQLiteWarehouse(path: ":memory:"))
        let calls = Mutex(0)
        let caughtUp = NormalizerBatchHandler(normalizer: normalizer, logger: KafkaTestClients.logger) { calls.withLock { $0 += 1 } }
        let abandoned = Mutex(false)
        let stuck = NormalizerBatchHandler(normalizer: normalizer, logger: KafkaTestClients.logger) {
            do {
                try await Task.sleep(for: .seconds(60))
            } catch {
                abandoned.withLock { $0 = true }
                throw error
            }
        }
        for handler in [caughtUp, stuck] {
            let outcomes = try await handler.handle([try message(sourceId: "never-announced")])
            let reasons = outcomes.flatMap(\.failures)
            #expect(reasons.map(\.code) == ["normalizer.unknownSource"])
            #expect(reasons.first?.field == "sourceId")
        }
        #expect(calls.withLock { $0 } == 1, "the handler asked the catalog to catch up")
        #expect(abandoned.withLock { $0 }, "a catalog that does not catch up is given up after unknownSourceWait")
    }
}
