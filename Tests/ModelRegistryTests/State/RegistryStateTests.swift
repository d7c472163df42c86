import Foundation
import ModelRegistry
import Schema
import Testing

@Suite("Registry state")
struct RegistryStateTests {
    /// register 1, validate 1, promote 1, register 2, validate 2, promote 2, roll back to 1,
    /// archive 2, register 3 and reject it.
    static func history() throws -> RegistryLog {
        var log = RegistryLog()
        let first = log.register(mape: 0.12)
        try log.validate(first)
        try log.promote(first)
        let second = log.register(mape: 0.10)
        try log.validate(second)
        try log.promote(second)
        try log.rollBack()
        try log.archive(second)
        let third = log.register(mape: 0.30)
        try log.reject(third)
        return log
    }

    @Test("The history leaves every version in its state with its references and metrics")
    func versions() throws {
        let state = try Self.history().state
        let model = RegistryLog.model
        #expect(state.models == [model])
        let versions = state.versions(of: model)
        #expect(versions.map(\.version) == ["1", "2", "3"])
        #expect(versions.map(\.lifecycle) == [.validated, .archived, .rejected])
        #expect(versions.map { $0.metrics["mape"] } == [0.12, 0.10, 0.30])
        #expect(versions.allSatisfy { $0.artifact != nil && $0.cardURI != nil && $0.algorithm == "gbt" })
        #expect(versions.allSatisfy { $0.featureSchemaVersion == 1 })
        #expect(versions[1].actor == "user:ops")
        #expect(versions[2].reason == "mape overall worse")
        #expect(versions[0].updatedAt == Fixtures.at(2))
        #expect(state.servableVersions(of: model).map(\.version) == ["1"])
    }

    @Test("After the rollback the champion is version 1 and remembers version 2")
    func aliases() throws {
        let state = try Self.history().state
        let model = RegistryLog.model
        #expect(state.champion(of: model)?.version == "1")
        let champion = try #require(state.target(of: ModelAlias.champion, model: model))
        #expect(champion.version == "1")
        #expect(champion.previousVersion == "2")
        #expect(champion.move == .rolledBack)
        #expect(champion.reason == "complaints")
        #expect(state.aliases(of: model).map(\.alias) == [ModelAlias.champion])
        #expect(state.target(of: ModelAlias.challenger, model: model) == nil)
        #expect(state.nextVersion(for: model) == "4")
    }

    @Test("The state rebuilt from the latest event per key equals the live state")
    func rebuiltEqualsLive() throws {
        let log = try Self.history()
        #expect(log.latestPerKey.count == 4)
        #expect(RegistryState(latestPerKey: log.latestPerKey) == log.state)
    }

    @Test("Every prefix of the history rebuilds to its live state")
    func everyPrefix() throws {
        let log = try Self.history()
        var live = RegistryState()
        for (count, event) in log.events.enumerated() {
            live.apply(event)
            let compacted = Dictionary(log.events.prefix(count + 1).map { ($0.key, $0) }, uniquingKeysWith: { $1 })
            #expect(RegistryState(latestPerKey: compacted) == live)
        }
    }

    @Test("Versions never repeat, even after archived and rejected ones, and each model counts alone")
    func nextVersion() throws {
        var log = RegistryLog()
        #expect(log.state.nextVersion(for: RegistryLog.model) == "1")
        let versions = (0..<3).map { _ in log.register() }
        #expect(versions == ["1", "2", "3"])
        try log.reject("3")
        try log.archive("2")
        #expect(log.state.nextVersion(for: RegistryLog.model) == "4")
        #expect(RegistryState(latestPerKey: log.latestPerKey).nextVersion(for: RegistryLog.model) == "4")
        #expect(log.register(model: "homeprice-us") == "1")
        #expect(log.state.models == ["homeprice-de", "homeprice-us"])
    }

    @Test("An event the registry cannot read hides its key in the live and the rebuilt state alike")
    func unreadableEvent() throws {
        var log = RegistryLog()
        log.register()
        log.append(ModelEvent(modelName: RegistryLog.model, version: "1", kind: .promoted, actor: "bad", at: log.tick()))
        #expect(log.state.versions(of: RegistryLog.model).isEmpty)
        #expect(log.state.nextVersion(for: RegistryLog.model) == "2")
        #expect(RegistryState(latestPerKey: log.latestPerKey) == log.state)
    }
}
