import Foundation
import NormalizerCore
import Schema
import ServiceLifecycle
import ServiceSupport
import TestSupport
import Testing

@Suite("Normalizer against poison pills on a real broker", .timeLimit(.minutes(15)))
struct NormalizerPoisonPillTests {
    @Test("an empty XML payload and a 900 KB malformed one are dead-lettered bounded; the service goes on and normalizes the next record")
    func poisonPillsAreDeadLetteredAndTheStreamGoesOn() async throws {
        let catalog = try SeedScenario.catalog()
        let source = try #require(catalog["de-kaufpreissammlung"])
        func record(_ id: String, _ payload: String) -> RawRecord {
            RawRecord(
                sourceId: source.id, recordId: id, region: "DE", fetchedAt: PipelineFixture.fetchedAt, contentType: "application/xml",
                payload: payload)
        }
        let empty = record("EMPTY-1", "")
        let garbage = record("HUGE-1", "<Vertrag nr=\"HUGE-1\"><Lage>" + String(repeating: "&amp;<", count: 128_000))
        let good = record(
            "GOOD-1",
            """
            <Vertrag nr="GOOD-1"><Objektart>Einfamilienhaus</Objektart><Lage>Hauptstr. 5, 10115 Berlin</Lage>\
            <Kaufpreis waehrung="EUR">130.000,00</Kaufpreis><Wohnflaeche einheit="m²">111,5</Wohnflaeche>\
            <Baujahr>Mai 1990</Baujahr><Zimmer>4</Zimmer></Vertrag>
            """)
        let warehouseFile = FileManager.default.temporaryDirectory.appendingPathComponent("poison-\(UUID().uuidString).sqlite")
        defer { try? FileManager.default.removeItem(at: warehouseFile) }

        try await TestProject.withBroker { broker in
            try await PipelineFixture.createTopics(on: broker.bootstrapServers)
            var configuration = try await SeedScenario.configuration()
            configuration.groupId = TestProject.uniqueTopic("normalizer")
            let normalizer = Normalizer(
                configuration: configuration, catalog: catalog, store: try SQLiteWarehouse(path: warehouseFile.path))
            let group = try NormalizerServiceIntegrationTests.serviceGroup(
                normalizer: normalizer, bootstrapServers: broker.bootstrapServers)
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask {
                    try await withDeadline(.seconds(150), waitingFor: "the normalizer's services to stop") { try await group.run() }
                }
                try await PipelineFixture.publish([empty, garbage, good], on: broker.bootstrapServers)
                let outputs = try await PipelineFixture.outputs(until: "two dead letters and the good home", on: broker.bootstrapServers) {
                    $0.count >= 3 && $0.contains { $0.home != nil }
                }
                let letters = try outputs.filter { $0.home == nil }.map { try DeadLetter.decode(from: Data($0.message.value)) }
                #expect(letters.map(\.originalKey).sorted() == [empty.key, garbage.key].sorted())
                #expect(letters.allSatisfy { $0.reasons.first?.code == "normalizer.malformedPayload" })
                let huge = try #require(letters.first { $0.originalKey == garbage.key })
                let length = try garbage.encoded().count
                #expect(huge.originalLength == length, "the original's length is kept")
                #expect(huge.originalSHA256?.count == 64)
                #expect(outputs.allSatisfy { $0.message.value.count < 40_000 }, "every dead letter is bounded")
                let home = try #require(outputs.compactMap(\.home).first)
                #expect(home.price?.amount == 130_000)
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
        }
    }
}
