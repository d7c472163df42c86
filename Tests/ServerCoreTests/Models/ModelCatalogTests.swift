import Foundation
import ModelRegistry
import Schema
import ServerCore
import Synchronization
import Testing

@Suite("Model catalog: loading, refusal, hot reload")
struct ModelCatalogTests {
    @Test("every servable version is loaded from the registry events and the aliases point at them")
    func loadsEveryServableVersion() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let snapshot = try await fixture.catalog().apply(try fixture.championAndChallenger())
        #expect(snapshot.models.keys.sorted() == ["homeprice-us@1", "homeprice-us@2"])
        #expect(snapshot.model(.alias("champion"), of: "homeprice-us")?.version == "1")
        #expect(snapshot.model(.alias("challenger"), of: "homeprice-us")?.version == "2")
        #expect(snapshot.refused.isEmpty)
    }

    @Test("an archived version is unloaded")
    func archivedVersionsAreUnloaded() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let catalog = fixture.catalog()
        let events = try fixture.register(file: 0, version: "1") + fixture.register(file: 1, version: "2")
        try await catalog.apply(events)
        let archived = ModelEvent.archived(ModelVersion(events[3])!, actor: "test", at: Date(timeIntervalSince1970: 1_800_000_000))
        let snapshot = try await catalog.apply([archived])
        #expect(snapshot.models.keys.sorted() == ["homeprice-us@1"])
    }

    @Test("a model whose file fails its checksum is refused and reported, and the previous champion keeps serving")
    func corruptModelIsRefused() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let refusals = Mutex<[String]>([])
        let catalog = fixture.catalog { key, error in refusals.withLock { $0.append("\(key) \(error.code)") } }
        let base = try fixture.register(file: 0, version: "1") + [fixture.promotion("1", at: Date(timeIntervalSince1970: 1_700_000_100))]
        try await catalog.apply(base)
        // Version 2's file is damaged on disk after it was stored.
        let events = try fixture.register(file: 1, version: "2")
        let artifact = try #require(ModelVersion(events[1])?.artifact)
        let intact = try Data(contentsOf: try fixture.store.fileURL(for: artifact.uri))
        var bytes = intact
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: try fixture.store.fileURL(for: artifact.uri))
        let promotion = fixture.promotion("2", previous: "1", at: Date(timeIntervalSince1970: 1_700_000_200))
        let snapshot = try await catalog.apply(events + [promotion])
        #expect(snapshot.models.keys.sorted() == ["homeprice-us@1"])
        #expect(snapshot.refused["homeprice-us@2"]?.error.code == .modelRefused)
        #expect(snapshot.refused["homeprice-us@2"]?.error.reason.contains("hash") == true)
        #expect(snapshot.model(.alias("champion"), of: "homeprice-us")?.version == "1")
        #expect(refusals.withLock { $0 } == ["homeprice-us@2 modelRefused"])
        // Reloading again does not report the same refusal twice.
        try await catalog.reload()
        #expect(refusals.withLock { $0.count } == 1)

        // A server started now, with nothing served before, serves the champion's previous
        // version too.
        let restarted = try await fixture.catalog().apply(base + events + [promotion])
        #expect(restarted.model(.alias("champion"), of: "homeprice-us")?.version == "1")
        // Once the file is repaired, only a reload that retries refused versions (the admin's)
        // loads it, and the champion moves to it.
        try intact.write(to: try fixture.store.fileURL(for: artifact.uri))
        #expect(try await catalog.reload().refused.keys.sorted() == ["homeprice-us@2"])
        let repaired = try await catalog.reload(retryingRefused: true)
        #expect(repaired.refused.isEmpty && repaired.models.keys.sorted() == ["homeprice-us@1", "homeprice-us@2"])
        #expect(repaired.model(.alias("champion"), of: "homeprice-us")?.version == "2")
    }

    @Test("a model trained on another feature schema is refused")
    func otherFeatureSchemaIsRefused() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        var events = try fixture.register(file: 0, version: "1")
        events[1].featureSchemaVersion = 99
        let snapshot = try await fixture.catalog().apply(events)
        #expect(snapshot.models.isEmpty)
        #expect(snapshot.refused["homeprice-us@1"]?.error.reason.contains("feature schema 99") == true)
    }
}
