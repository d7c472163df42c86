import Foundation
import ModelRegistry
import Schema
import Testing

@Suite("Archival")
struct RegistryStateArchivalTests {
    private let model = RegistryLog.model

    @Test("An archival carries the version's references and retires it")
    func archivalRetiresTheVersion() throws {
        var log = RegistryLog()
        let version = log.register()
        try log.validate(version)
        let event = try log.state.archival(of: version, model: model, actor: "user:ops", reason: "superseded", at: log.tick())
        #expect(event.kind == .archived)
        #expect(event.key == "\(model)@\(version)")
        #expect(event.reason == "superseded")
        let before = try #require(log.state.version(version, of: model))
        #expect(event.artifactSHA256 == before.artifact?.sha256)
        #expect(event.cardURI == before.cardURI)
        log.append(event)
        #expect(log.state.version(version, of: model)?.lifecycle == .archived)
    }

    @Test("An unknown, an already archived or an aliased version is refused, naming the version")
    func archivalRefusals() throws {
        var log = RegistryLog()
        let unknown = try #require(throws: RegistryError.self) {
            try log.state.archival(of: "4", model: model, actor: "cli", reason: nil, at: log.tick())
        }
        #expect(unknown.code == .unknownVersion)
        #expect(unknown.input == "\(model)@4")
        let champion = log.register()
        try log.validate(champion)
        try log.promote(champion)
        let aliased = try #require(throws: RegistryError.self) {
            try log.state.archival(of: champion, model: model, actor: "cli", reason: nil, at: log.tick())
        }
        #expect(aliased.code == .invalidTransition)
        #expect(aliased.reason.contains("\(model)#champion"))
        let retired = log.register()
        try log.archive(retired)
        let again = try #require(throws: RegistryError.self) {
            try log.state.archival(of: retired, model: model, actor: "cli", reason: nil, at: log.tick())
        }
        #expect(again.code == .invalidTransition)
        #expect(again.input == "\(model)@\(retired)")
    }
}
