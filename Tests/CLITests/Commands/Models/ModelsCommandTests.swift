import Foundation
import Kafka
import ModelRegistry
import Schema
import ServiceSupport
import TestSupport
import Testing

@Suite("homeprice models as a process against a real tansu broker", .serialized)
struct ModelsCommandTests {
    @Test("list prints every version with its state and aliases, and show prints a version's card or why it cannot")
    func listAndShow() async throws {
        try await TestProject.withBroker { broker in
            let history = try await RegistryHistory.publish(on: broker.bootstrapServers)
            defer { history.remove() }

            let listed = try await Self.models(["list", "--json"], broker: broker)
            #expect(listed.status == 0, "\(listed.errors)")
            let rows = try SchemaJSON.makeDecoder().decode([RegistryTable.Row].self, from: Data(listed.output.joined(separator: "\n").utf8))
            #expect(rows.map { "\($0.model)@\($0.version)" } == ["homeprice-de@1", "homeprice-us@1", "homeprice-us@2", "homeprice-us@3"])
            #expect(rows.map(\.state) == [.validated, .validated, .validated, .rejected])
            #expect(rows.map(\.aliases) == [["champion"], ["champion"], [], []])
            #expect(rows[2].metrics["mape"] == 0.07)

            let shown = try await Self.models(
                ["show", "--region", "US", "--json", "--artifacts", history.artifacts.path], broker: broker)
            #expect(shown.status == 0, "\(shown.errors)")
            let report = try #require(
                try JSONSerialization.jsonObject(with: Data(shown.output.joined(separator: "\n").utf8)) as? [String: Any])
            #expect(report["model"] as? String == "homeprice-us")
            #expect(report["version"] as? String == "1", "the champion by default")
            #expect(report["aliases"] as? [String] == ["champion"])
            #expect(report["cardError"] == nil)
            let card = try #require(report["card"] as? [String: Any])
            let metrics = try #require(card["metrics"] as? [String: Any])
            #expect((metrics["overall"] as? [String: Any])?["mape"] as? Double == 0.09)
            let byType = try #require((metrics["segments"] as? [String: Any])?["propertyType"] as? [String: Any])
            #expect((byType["condo"] as? [String: Any])?["count"] as? Int == 50)
            #expect((card["rows"] as? [String: Any])?["training"] as? Int == 800)
            #expect(card["features"] as? [String] == ["livingArea", "bedrooms", "propertyType"])
            #expect((card["championComparison"] as? [String: Any])?["accepted"] as? Bool == true)
            #expect(card["dataWindow"] is [String: Any])

            let missingCard = try await Self.models(["show", "--region", "de", "--artifacts", history.artifacts.path], broker: broker)
            #expect(missingCard.status == 0, "\(missingCard.errors)")
            #expect(missingCard.output.first == "homeprice-de@1  validated  champion")
            #expect(missingCard.output.contains { $0.hasPrefix("metrics     mape 10.00%  medianAPE 8.00%  rmse 32000  mae 21000") })
            let cardLines = missingCard.output.filter { $0.hasPrefix("card ") }
            #expect(cardLines.count == 1)
            #expect(cardLines.first?.contains("unreadable: registry artifactNotFound") == true)
        }
    }

    @Test("promote, rollback and archive publish registry events, and a refused promotion exits non-zero with one line")
    func promoteRollbackArchive() async throws {
        try await TestProject.withBroker { broker in
            let history = try await RegistryHistory.publish(on: broker.bootstrapServers)
            defer { history.remove() }

            let promoted = try await Self.models(
                ["promote", "--region", "US", "--version", "2", "--reason", "better mape"], broker: broker)
            #expect(promoted.status == 0, "\(promoted.errors)")
            #expect(promoted.output == ["homeprice-us#champion now points at 2 (was 1)"])
            let promotion = try #require(try await RegistryHistory.published(on: broker.bootstrapServers).last { $0.actor == "user:ops" })
            #expect(promotion.kind == .promoted)
            #expect(promotion.key == "homeprice-us#champion")
            #expect(promotion.version == "2")
            #expect(promotion.previousVersion == "1")
            #expect(promotion.reason == "better mape")

            let listed = try await Self.models(["list", "--region", "US", "--json"], broker: broker)
            #expect(listed.status == 0, "\(listed.errors)")
            let rows = try SchemaJSON.makeDecoder().decode([RegistryTable.Row].self, from: Data(listed.output.joined(separator: "\n").utf8))
            #expect(rows.filter { $0.aliases == ["champion"] }.map(\.version) == ["2"], "a second list shows the new champion")
            #expect(Set(rows.map(\.model)) == ["homeprice-us"])

            let rolledBack = try await Self.models(["rollback", "--region", "US"], broker: broker)
            #expect(rolledBack.status == 0, "\(rolledBack.errors)")
            #expect(rolledBack.output == ["homeprice-us#champion rolled back to 1 (from 2)"])
            let archived = try await Self.models(["archive", "--region", "US", "--version", "2", "--reason", "superseded"], broker: broker)
            #expect(archived.status == 0, "\(archived.errors)")
            #expect(archived.output == ["homeprice-us@2 is archived"])

            let refused = try await Self.models(["promote", "--region", "US", "--version", "3"], broker: broker)
            #expect(refused.status != 0)
            #expect(refused.output.isEmpty)
            let errorLines = refused.errors.split(separator: "\n")
            #expect(errorLines.count == 1, "\(refused.errors)")
            #expect(errorLines.first?.contains("not a rejected one") == true)
            #expect(errorLines.first?.contains("homeprice-us@3") == true)

            let events = try await RegistryHistory.published(on: broker.bootstrapServers)
            let byPeople = events.filter { $0.actor == "user:ops" }
            #expect(byPeople.map(\.kind) == [.promoted, .rolledBack, .archived], "nothing was published for the refusal")
            let state = RegistryState(latestPerKey: Dictionary(events.map { ($0.key, $0) }) { _, latest in latest })
            #expect(state.champion(of: "homeprice-us")?.version == "1")
            #expect(state.version("2", of: "homeprice-us")?.lifecycle == .archived)
            #expect(state.version("2", of: "homeprice-us")?.cardURI == history.events[3].cardURI, "the archival keeps the references")
            #expect(state.champion(of: "homeprice-de")?.version == "1")
        }
    }

    @Test("train publishes a retrain command for the trainer on pipeline.control and prints its id")
    func trainRequestsARetrain() async throws {
        try await TestProject.withBroker { broker in
            let history = try await RegistryHistory.publish(on: broker.bootstrapServers)
            defer { history.remove() }

            let trained = try await Self.models(["train", "--region", "DE", "--reason", "drift in livingArea", "--json"], broker: broker)
            #expect(trained.status == 0, "\(trained.errors)")
            let printed = try ControlCommand.decode(from: Data(trained.output.joined(separator: "\n").utf8))
            let messages = try await TopicContents.read(
                topic: Topic.pipelineControl.name, partitions: Topic.pipelineControl.defaultPartitionCount,
                bootstrapServers: broker.bootstrapServers)
            #expect(messages.count == 1)
            let command = try ControlCommand.decode(from: Data(try #require(messages.first).value))
            #expect(command == printed)
            #expect(command.target == "trainer")
            #expect(command.action == .retrain)
            #expect(command.arguments == ["region": "DE"])
            #expect(command.issuedBy == "user:ops")
            #expect(command.reason == "drift in livingArea")
            #expect(UUID(uuidString: command.commandId) != nil)
        }
    }

    @Test("an unreachable broker is one line naming its address")
    func unreachableBroker() async throws {
        let address = "127.0.0.1:\(LocalPort.free())"
        let listed = try await HomepriceProcess.run(["models", "list", "--bootstrap-servers", address])
        #expect(listed.status != 0)
        let errorLines = listed.errors.split(separator: "\n")
        #expect(errorLines.count == 1, "\(listed.errors)")
        #expect(errorLines.first?.contains("brokerUnreachable") == true)
        #expect(errorLines.first?.contains(address) == true)
    }

    /// Runs `homeprice models arguments…` against `broker` as the user `ops`.
    private static func models(_ arguments: [String], broker: TansuBroker) async throws -> (
        status: Int32, output: [String], errors: String
    ) {
        try await HomepriceProcess.run(
            ["models"] + arguments + ["--bootstrap-servers", broker.bootstrapServers], environment: ["USER": "ops"])
    }
}
