import Foundation
import NormalizerCore
import Schema
import Testing

@Suite("Normalizer dead letters and reviews")
struct NormalizerTests {
    @Test("sends an unknown source to the dead letters and keeps going")
    func unknownSource() async throws {
        let normalizer = try await SeedScenario.normalizer()
        var record = SeedScenario.flat
        record.sourceId = "nowhere"
        let letter = try #require(try normalizer.normalize(record).deadLetters.first)
        #expect(letter.stage == .normalization)
        #expect(letter.originalKey == "nowhere/L-1")
        #expect(letter.reasons.map(\.code) == ["normalizer.unknownSource"])
        #expect(try normalizer.normalize(SeedScenario.flat).homes.count == 1)
    }

    @Test("sends a message of a newer schema version to the dead letters")
    func newerSchemaVersion() async throws {
        let normalizer = try await SeedScenario.normalizer()
        var record = SeedScenario.flat
        record.schemaVersion = 99
        let output = try normalizer.normalize(message: try record.encoded(), key: record.key, origin: nil)
        let letter = try #require(output.deadLetters.first)
        #expect(letter.reasons.contains { $0.code == "normalizer.unsupportedSchemaVersion" && $0.field == "schemaVersion" })
    }

    @Test("sends an unparseable field to the dead letters naming the field")
    func unparseableField() async throws {
        let normalizer = try await SeedScenario.normalizer()
        var record = SeedScenario.flat
        record.payload = #"{"address": "123 Main St, Springfield, IL 62704", "price": "lots"}"#
        let letter = try #require(try normalizer.normalize(record).deadLetters.first)
        #expect(
            letter.reasons == [
                FailureReason(
                    field: "price", code: "normalizer.unparseableField", message: "malformed: no amount in the price (input: \"lots\")")
            ])
        #expect(letter.originalBytes.map { try? RawRecord.decode(from: $0) } == record)
    }

    @Test("sends a record with a NUL character (escaped in its JSON) to the dead letters naming the field")
    func nulCharacter() async throws {
        let normalizer = try await SeedScenario.normalizer()
        var record = SeedScenario.flat
        // A heating term no vocabulary knows is kept as source text: only the NUL check stops it.
        record.payload =
            #"{"id": "L-1", "address": "123 Main St, Springfield, IL 62704", "price": "$250,000", "heating": "Coal\u0000 Steam"}"#
        let letter = try #require(try normalizer.normalize(record).deadLetters.first)
        #expect(letter.reasons.map(\.code) == ["normalizer.unparseableField"])
        #expect(letter.reasons.first?.message.contains("NUL character") == true)
        #expect(letter.reasons.first?.field?.hasSuffix("heating") == true)
        #expect(try normalizer.normalize(SeedScenario.flat).homes.count == 1)
    }

    @Test("keeps a home whose heating term no vocabulary knows, with the term in its provenance and a report on pipeline.monitoring")
    func unknownVocabularyTerm() async throws {
        let normalizer = try await SeedScenario.normalizer()
        var record = SeedScenario.flat
        record.payload = #"""
            {"id": "L-1", "address": "123 Main St, Springfield, IL 62704", "price": "$250,000", "sqft": "1200 sqft",
             "heating": "Coal-fired Steam Radiators (original 1920s)", "cooling": "Central Air"}
            """#
        let output = try normalizer.normalize(record)
        #expect(output.deadLetters.isEmpty)
        let home = try #require(output.homes.first)
        #expect(home.heating == nil)
        #expect(home.cooling == "centralAir")
        #expect(home.provenance["unmapped.heating"]?.map(\.value) == ["Coal-fired Steam Radiators (original 1920s)"])
        #expect(!home.conflicts.contains { $0.field.hasPrefix("unmapped.") })
        let report = try #require(output.monitoringEvents.first)
        #expect(report.name == "normalizer.unmappedTerms")
        #expect(report.labels["source"] == "us-agency-flat")
        #expect(report.labels["fields"] == "heating")
        #expect(report.labels["term.heating"] == "Coal-fired Steam Radiators (original 1920s)")
        #expect(report.values["count"] == 1)
    }

    @Test("asks a human about a near match and merges once approved")
    func reviewAndDecision() async throws {
        let normalizer = try await SeedScenario.normalizer()
        _ = try normalizer.normalize(SeedScenario.flat)
        var neighbour = SeedScenario.nested
        neighbour.payload = """
            {"address": {"street": "123 Main Street", "city": "Springfield", "state": "IL", "zip": "62704"},
             "building": {"area": "300 m2", "constructed": "1950", "rooms": 12, "bedrooms": 6}}
            """
        let output = try normalizer.normalize(neighbour)
        let task = try #require(output.reviewTasks.first)
        #expect(task.kind == .ambiguousDuplicate)
        #expect(task.subjectIds == ["us-agency-feed/A-77", "us-agency-flat/L-1"])
        #expect(try normalizer.store.homes().count == 2)

        var decision = task
        decision.status = .approved
        decision.resolvedBy = "user:reviewer"
        let merged = try #require(try normalizer.apply(decision: decision).homes.first)
        #expect(try normalizer.store.homes().map(\.id) == [merged.id])
        #expect(merged.provenance["rooms"]?.count == 2)
        // The decision sticks: replaying the record keeps it merged and asks nothing.
        let replay = try normalizer.normalize(neighbour)
        #expect(replay.reviewTasks.isEmpty && replay.homes.first?.id == merged.id)
    }
}
