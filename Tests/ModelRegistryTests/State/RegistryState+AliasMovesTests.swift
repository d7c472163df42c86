import Foundation
import ModelRegistry
import Schema
import Testing

@Suite("Alias moves")
struct RegistryStateAliasMovesTests {
    private let model = RegistryLog.model

    @Test("A promotion records the alias's previous version")
    func promotionRemembersPrevious() throws {
        var log = RegistryLog()
        for _ in 0..<2 { try log.validate(log.register()) }
        try log.promote("1")
        let event = try log.state.promotion(of: "2", model: model, actor: "user:ops", reason: nil, at: log.tick())
        #expect(event.kind == .promoted)
        #expect(event.key == "\(model)#champion")
        #expect(event.version == "2")
        #expect(event.previousVersion == "1")
    }

    @Test("Only a validated version can be promoted, and not onto the alias that already points at it")
    func promotionRefusals() throws {
        var log = RegistryLog()
        let version = log.register()
        let unvalidated = try #require(throws: RegistryError.self) {
            try log.state.promotion(of: version, model: model, actor: "cli", reason: nil, at: log.tick())
        }
        #expect(unvalidated.code == .invalidTransition)
        let unknown = try #require(throws: RegistryError.self) {
            try log.state.promotion(of: "9", model: model, actor: "cli", reason: nil, at: log.tick())
        }
        #expect(unknown.code == .unknownVersion)
        #expect(unknown.input == "\(model)@9")
        try log.validate(version)
        try log.promote(version)
        let again = try #require(throws: RegistryError.self) {
            try log.state.promotion(of: version, model: model, actor: "cli", reason: nil, at: log.tick())
        }
        #expect(again.code == .invalidTransition)
    }

    @Test("A rollback needs a promotion with a previous version that still serves")
    func rollbackRefusals() throws {
        var log = RegistryLog()
        #expect(throws: RegistryError.self) { try log.rollBack() }
        let first = log.register()
        try log.validate(first)
        try log.promote(first)
        let noPrevious = try #require(throws: RegistryError.self) { try log.rollBack() }
        #expect(noPrevious.code == .invalidTransition)
        let second = log.register()
        try log.validate(second)
        try log.promote(second)
        try log.archive(first)
        let archived = try #require(throws: RegistryError.self) { try log.rollBack() }
        #expect(archived.reason.contains("previous version 1"))
    }

    @Test("After a rollback, a second rollback is refused until a version is promoted again")
    func rollbackOnce() throws {
        var log = try RegistryStateTests.history()
        let twice = try #require(throws: RegistryError.self) { try log.rollBack() }
        #expect(twice.code == .invalidTransition)
        let next = log.register(mape: 0.09)
        try log.validate(next)
        try log.promote(next)
        try log.rollBack()
        #expect(log.state.champion(of: model)?.version == "1")
    }

    @Test("An archived champion no longer serves by alias")
    func archivedChampion() throws {
        var log = RegistryLog()
        let version = log.register()
        try log.validate(version)
        try log.promote(version)
        try log.archive(version)
        #expect(log.state.target(of: ModelAlias.champion, model: model)?.version == version)
        #expect(log.state.champion(of: model) == nil)
    }
}
