import Configuration
import Foundation
import Hummingbird
import HummingbirdTesting
import Kafka
import ModelRegistry
import NIOCore
import Pipeline
import Schema
import ServerCore
import ServiceLifecycle
import ServiceSupport
import Synchronization
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("Model server against a real broker")
struct ServerServiceIntegrationTests {
    private func publish(_ messages: [any SchemaMessage], to broker: TansuBroker) async throws {
        let batch = try messages.map { try KafkaProducerMessage($0) }
        _ = try await KafkaProducer.withProducer(
            configuration: KafkaTestClients.producer(broker.bootstrapServers), logger: KafkaTestClients.logger
        ) { producer in try await producer.send(batch) }
    }

    /// The server's real wiring on `broker` (topics created, the fixture's two versions
    /// registered), listening on a free port.
    private func serverServices(
        _ fixture: ServerFixture, on broker: TansuBroker, onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) async throws -> [any Service] {
        let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: broker.bootstrapServers))
        try await TopicProvisioner.createAll(using: admin)
        try await publish(try fixture.championAndChallenger(), to: broker)
        let kafka = try KafkaSettings(reader: ConfigReader(provider: InMemoryProvider(values: [:]))).connecting(
            to: broker.bootstrapServers)
        var configuration = fixture.configuration
        configuration.port = 0
        return try ServerService.services(
            configuration: configuration, kafka: kafka,
            batch: BatchSettings(
                stage: .serving, service: "server-test", batchSize: 100,
                deadLetters: DeadLetterPolicy(maxPayloadBytes: 16_384, maxReasonCharacters: 1000, maxReasons: 20)),
            logger: KafkaTestClients.logger, onServerRunning: onServerRunning)
    }

    @Test(
        "models come from models.registry and the artifact store; a Kafka request and a live HTTP request are both answered on predictions"
    )
    func kafkaAndHTTPEndToEnd() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let home = try ServerFixture.requestHomes(count: 1)[0]
        try await TestProject.withBroker { broker in
            let port = Mutex<Int?>(nil)
            let services = try await serverServices(fixture, on: broker) { channel in
                port.withLock { $0 = channel.localAddress?.port }
            }

            try await withRunningServices(services) {
                let request = PredictionRequest(
                    requestId: "kafka-1", clientId: "client-7", features: home, modelAlias: "challenger", requestedAt: Date())
                var french = home
                french.region = "FR"
                let unservable = PredictionRequest(requestId: "kafka-fr", clientId: "client-7", features: french, requestedAt: Date())
                try await publish([request, unservable], to: broker)
                let answered = try await waitForMessages(Prediction.self, on: broker.bootstrapServers, until: "the Kafka request's answer")
                {
                    $0.contains { $0.requestId == "kafka-1" }
                }
                let kafkaAnswer = try #require(answered.first { $0.requestId == "kafka-1" })
                #expect(kafkaAnswer.predictionId == "kafka-1" && kafkaAnswer.modelVersion == "2" && kafkaAnswer.arm == .requested)
                // A request no model can serve is dead-lettered with the reason, and the stream goes on.
                let letters = try await waitForMessages(DeadLetter.self, on: broker.bootstrapServers, until: "the FR request's dead letter")
                {
                    $0.contains { $0.originalKey == "kafka-fr" }
                }
                let letter = try #require(letters.first { $0.originalKey == "kafka-fr" })
                #expect(letter.stage == .serving && letter.reasons.first?.code == "server.unknownRegion")
                #expect(letter.reasons.first?.field == "region")

                // The live port: one real HTTP round trip, then the same prediction on the topic.
                let listening = try #require(port.withLock { $0 })
                var http = URLRequest(url: URL(string: "http://127.0.0.1:\(listening)/v1/predictions")!)
                http.httpMethod = "POST"
                http.setValue("application/json", forHTTPHeaderField: "Content-Type")
                http.httpBody = Data("{\"requestId\":\"http-1\",\"home\":\(try jsonText(home))}".utf8)
                let (data, response) = try await URLSession.shared.cancellableData(for: http)
                #expect((response as? HTTPURLResponse)?.statusCode == 200, "\(String(decoding: data, as: UTF8.self))")
                let published = try await waitForMessages(Prediction.self, on: broker.bootstrapServers, until: "the HTTP prediction") {
                    $0.contains { $0.predictionId == "http-1" }
                }
                let httpAnswer = try #require(published.first { $0.predictionId == "http-1" })
                #expect(httpAnswer.modelVersion == "1" && httpAnswer.arm == .defaultRoute)
                let body = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                #expect(body["value"] as? Double == httpAnswer.value)
            }
        }
    }

    @Test("promote and rollback commands on pipeline.control move the champion through models.registry; other targets are skipped")
    func controlCommands() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let home = try ServerFixture.requestHomes(count: 1)[0]
        try await TestProject.withBroker { broker in
            let services = try await serverServices(fixture, on: broker)
            func command(_ id: String, _ action: ControlAction, target: String = "server", _ arguments: [String: String]) -> ControlCommand
            {
                ControlCommand(
                    commandId: id, target: target, action: action, arguments: arguments, issuedBy: "monitor-0", reason: "test",
                    at: Date())
            }
            try await withRunningServices(services) {
                // The trainer's command and an unknown version are not the server's to apply.
                try await publish(
                    [
                        command("c-0", .promote, target: "trainer", ["model": "homeprice-us", "version": "2"]),
                        command("c-1", .promote, ["model": "homeprice-us", "version": "9"]),
                        command("c-2", .promote, ["model": "homeprice-us", "version": "2"]),
                    ], to: broker)
                let promoted = try await waitForMessages(ModelEvent.self, on: broker.bootstrapServers, until: "the promotion") {
                    $0.contains { $0.kind == .promoted && $0.actor == "control:monitor-0" }
                }
                let promotion = try #require(promoted.first { $0.actor == "control:monitor-0" })
                #expect(promotion.alias == ModelAlias.champion && promotion.version == "2" && promotion.previousVersion == "1")
                #expect(promoted.filter { $0.actor == "control:monitor-0" }.count == 1)
                try await answered(by: "2", home: home, broker: broker, prefix: "after-promotion")
                let letters = try await waitForMessages(DeadLetter.self, on: broker.bootstrapServers, until: "the unknown version's letter")
                {
                    !$0.isEmpty
                }
                #expect(letters.first?.reasons.first?.code == "server.registryRefused")

                try await publish([command("c-3", .rollback, ["region": "US"])], to: broker)
                let events = try await waitForMessages(ModelEvent.self, on: broker.bootstrapServers, until: "the rollback") {
                    $0.contains { $0.kind == .rolledBack }
                }
                let rollback = try #require(events.first { $0.kind == .rolledBack })
                #expect(rollback.alias == ModelAlias.champion && rollback.version == "1" && rollback.previousVersion == "2")
                // The server's own registry reader applied the rollback: version 1 answers the default route again.
                try await answered(by: "1", home: home, broker: broker, prefix: "after-rollback")
            }
        }
    }

    @Test(
        "every HTTP prediction answered by a server killed before publishing it is published on predictions by the next start on the same journal"
    )
    func journalledPredictionsSurviveAKill() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let homes = try ServerFixture.requestHomes(count: 3)
        // The first server answers, then dies before its queue ever sends: no graceful
        // shutdown, nothing published, only what its journal holds.
        let catalog = try await fixture.servingCatalog()
        let killed = try fixture.components(catalog: catalog)
        let answered = try await Application(router: ServerApplication.router(components: killed)).test(.router) { client in
            var answered: Set<String> = []
            for (index, home) in homes.enumerated() {
                let answer = try await client.send(
                    .post, "/v1/predictions", json: "{\"requestId\":\"kill-\(index)\",\"home\":\(try jsonText(home))}")
                #expect(answer.status == .ok, "\(answer.text)")
                answered.insert(try #require(answer["predictionId"] as? String))
            }
            let batch = try await client.send(
                .post, "/v1/predictions", json: "{\"requestId\":\"kill-batch\",\"homes\":\(try jsonText(homes))}")
            #expect(batch.status == .ok, "\(batch.text)")
            let answers = try #require(batch["predictions"] as? [[String: Any]])
            answered.formUnion(answers.compactMap { $0["predictionId"] as? String })
            return answered
        }
        #expect(answered.count == 6)
        #expect(killed.queue.pendingCount == 6 && fixture.publisher.messages(of: Prediction.self).isEmpty)

        try await TestProject.withBroker { broker in
            let services = try await serverServices(fixture, on: broker)
            try await withRunningServices(services) {
                let published = try await waitForMessages(Prediction.self, on: broker.bootstrapServers, until: "every answered prediction")
                {
                    answered.isSubset(of: Set($0.map(\.predictionId)))
                }
                let byId = Dictionary(published.map { ($0.predictionId, $0) }) { first, _ in first }
                #expect(byId["kill-0"]?.modelVersion == "1" && byId["kill-batch-2"]?.modelVersion == "1")
            }
        }
        // Delivered and confirmed: the graceful shutdown left no segment behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: fixture.configuration.journal.directory.path)
        #expect(left.filter { $0.hasPrefix("segment-") }.isEmpty, "\(left)")
    }

    /// Publishes requests on the default route until one is answered by `version` (the reload
    /// is asynchronous); the caller's deadline bounds the wait.
    private func answered(by version: String, home: HomeFeatures, broker: TansuBroker, prefix: String) async throws {
        try await withDeadline(.seconds(120), waitingFor: "an answer of version \(version)") {
            for attempt in 0... {
                let id = "\(prefix)-\(attempt)"
                try await publish(
                    [PredictionRequest(requestId: id, clientId: "client-1", features: home, requestedAt: Date())], to: broker)
                let answers = try await waitForMessages(Prediction.self, on: broker.bootstrapServers, until: "the answer to \(id)") {
                    $0.contains { $0.requestId == id }
                }
                if answers.first(where: { $0.requestId == id })?.modelVersion == version { return }
            }
        }
    }
}
