import Foundation
import Hummingbird
import HummingbirdTesting
import ModelRegistry
import NIOCore
import Schema
import ServerCore
import Testing

@Suite("HTTP API (router test mode)")
struct ServerApplicationTests {
    /// The fixture's application with version 1 the champion and version 2 the challenger.
    private func withApplication(
        _ fixture: ServerFixture, ready: Bool = true, _ body: @Sendable (any TestClientProtocol, ServerComponents) async throws -> Void
    ) async throws {
        let catalog = try await fixture.servingCatalog(ready: ready)
        let components = try fixture.components(catalog: catalog)
        let app = Application(router: ServerApplication.router(components: components))
        try await app.test(.router) { client in try await body(client, components) }
    }

    @Test("until the registry was read to its end, predictions answer 503 (models of a half-read registry may be stale)")
    func notReadyYet() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let home = try ServerFixture.requestHomes(count: 1)[0]
        try await withApplication(fixture, ready: false) { client, components in
            let early = try await client.send(.post, "/v1/predictions", json: "{\"home\":\(try jsonText(home))}")
            #expect(early.status == .serviceUnavailable && early["title"] as? String == "server.notReady", "\(early.text)")
            #expect(fixture.publisher.messages(of: Prediction.self).isEmpty)
            components.catalog.markReady()
            let ready = try await client.send(.post, "/v1/predictions", json: "{\"home\":\(try jsonText(home))}")
            #expect(ready.status == .ok, "\(ready.text)")
        }
    }

    @Test("a version or alias no model has is 404 naming the request's own field, an alias of digits included; an empty one is 422")
    func unknownTargets() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let home = try jsonText(try ServerFixture.requestHomes(count: 1)[0])
        try await withApplication(fixture) { client, _ in
            for (field, value) in [("modelVersion", "9"), ("modelAlias", "nope"), ("modelAlias", "3")] {
                let answer = try await client.send(.post, "/v1/predictions", json: "{\"\(field)\":\"\(value)\",\"homes\":[\(home)]}")
                #expect(answer.status == .notFound && answer["field"] as? String == field, "\(field) \(value): \(answer.text)")
            }
            // An empty target is a request error, not a missing model.
            for targets in [#""modelVersion":"""#, #""modelAlias":"""#] {
                let answer = try await client.send(.post, "/v1/predictions", json: "{\(targets),\"homes\":[\(home)]}")
                #expect(answer.status.code == 422, "\(targets): \(answer.text)")
            }
        }
    }

    @Test("one home and a batch are priced, each answer naming its model, arm, currency and interval")
    func predictions() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let homes = try ServerFixture.requestHomes(count: 3)
        try await withApplication(fixture) { client, components in
            let single = try await client.send(
                .post, "/v1/predictions",
                json: "{\"requestId\":\"r-1\",\"clientId\":\"c-1\",\"explain\":3,\"home\":\(try jsonText(homes[0]))}")
            #expect(single.status == .ok, "\(single.text)")
            #expect(single["predictionId"] as? String == "r-1")
            #expect((single["model"] as? [String: Any])?["version"] as? String == "1")
            #expect(single["arm"] as? String == "default" && single["currency"] as? String == "USD")
            #expect((single["explanation"] as? [Any])?.count == 3)
            let batch = try await client.send(
                .post, "/v1/predictions", json: "{\"requestId\":\"b\",\"modelAlias\":\"challenger\",\"homes\":\(try jsonText(homes))}")
            #expect(batch.status == .ok, "\(batch.text)")
            let answers = try #require(batch["predictions"] as? [[String: Any]])
            #expect(answers.map { $0["predictionId"] as? String } == ["b-0", "b-1", "b-2"])
            #expect(
                answers.allSatisfy { ($0["model"] as? [String: Any])?["version"] as? String == "2" && $0["arm"] as? String == "requested" })
            // Every prediction goes to the queue for `predictions`, off the request path.
            #expect(components.queue.pendingCount == 4)
        }
    }

    @Test("a raw record of a known source is priced like its canonical features")
    func rawRecord() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let (source, payload) = RawRecordReaderTests.records[1]
        try await withApplication(fixture) { client, components in
            let raw = try await client.send(
                .post, "/v1/predictions", json: "{\"requestId\":\"raw\",\"home\":{\"source\":\"\(source)\",\"record\":\(payload)}}")
            #expect(raw.status == .ok, "\(raw.text)")
            let features = try components.rawRecords.features(sourceId: source, payload: payload, recordId: "x", at: Date())
            let canonical = try await client.send(
                .post, "/v1/predictions", json: "{\"requestId\":\"canonical\",\"home\":\(try jsonText(features))}")
            #expect(raw["value"] as? Double == canonical["value"] as? Double)
            let unknown = try await client.send(.post, "/v1/predictions", json: "{\"home\":{\"source\":\"nowhere\",\"record\":{}}}")
            #expect(unknown.status.code == 404 && unknown["field"] as? String == "home.source", "no such source")
        }
    }

    @Test(
        "bad requests get a 4xx problem body naming the field",
        arguments: [
            ("{\"home\":{\"region\":\"US\",\"livingAreaa\":120}}", 422, "home.livingAreaa"),
            ("{\"home\":{\"region\":\"US\",\"livingArea\":\"big\"}}", 422, "home.livingArea"),
            ("{\"home\":{\"region\":\"US\",\"livingArea\":-5}}", 422, "home.livingArea"),
            ("{\"home\":{\"region\":\"US\",\"builtMonth\":13}}", 422, "home.builtMonth"),
            ("{\"homes\":[{\"region\":\"US\"},{\"region\":\"XX\"}]}", 404, "homes[1].region"),
            ("{\"home\":{\"region\":\"US\"},\"currency\":\"ZZZ\"}", 422, "currency"),
            ("{\"home\":{\"region\":\"US\"},\"modelVersion\":\"42\"}", 404, "modelVersion"),
            ("{\"homes\":[]}", 422, "homes"),
            ("{\"unknown\":1,\"home\":{\"region\":\"US\"}}", 422, "unknown"),
            ("[1,2", 422, ""),
            ("{}", 422, "home"),
        ])
    func badRequests(body: String, status: Int, field: String) async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await withApplication(fixture) { client, _ in
            let answer = try await client.send(.post, "/v1/predictions", json: body)
            #expect(answer.status.code == status, "\(answer.text)")
            #expect((answer["field"] as? String ?? "") == field, "\(answer.text)")
            #expect(answer["title"] as? String != nil && answer["detail"] as? String != nil)
        }
    }

    @Test("an oversized body is refused with 413")
    func oversizedBody() async throws {
        let fixture = try await ServerFixture(environment: ["SERVER_HTTP_MAX_BODY_BYTES": "2048"])
        defer { fixture.remove() }
        let homes = try ServerFixture.requestHomes(count: 40)
        try await withApplication(fixture) { client, _ in
            let answer = try await client.send(.post, "/v1/predictions", json: "{\"homes\":\(try jsonText(homes))}")
            #expect(answer.status == .contentTooLarge)
            #expect(answer["title"] as? String == "server.bodyTooLarge")
        }
    }

    @Test("admin endpoints refuse a missing or wrong token with 401 and change nothing")
    func adminWithoutToken() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await withApplication(fixture) { client, components in
            for path in ["/admin/promote", "/admin/rollback", "/admin/traffic", "/admin/reload"] {
                let missing = try await client.send(.post, path, json: "{\"region\":\"US\",\"version\":\"2\"}")
                #expect(missing.status == .unauthorized && missing.headers[.wwwAuthenticate] == "Bearer", "\(path)")
                let wrong = try await client.send(.post, path, json: "{\"region\":\"US\",\"version\":\"2\"}", token: "guess")
                #expect(wrong.status == .unauthorized, "\(path)")
                let otherScheme = try await client.send(
                    .post, path, json: "{\"region\":\"US\",\"version\":\"2\"}", token: ServerFixture.adminToken, scheme: "Basic")
                #expect(otherScheme.status == .unauthorized, "\(path)")
            }
            #expect(fixture.publisher.messages(of: ModelEvent.self).isEmpty)
            #expect(components.catalog.snapshot.model(.alias("champion"), of: "homeprice-us")?.version == "1")
            // The scheme's name is case-insensitive.
            let lowerCase = try await client.send(.post, "/admin/reload", token: ServerFixture.adminToken, scheme: "bearer")
            #expect(lowerCase.status == .ok, "\(lowerCase.text)")
        }
    }

    @Test("promote and rollback publish the registry events the CLI would and take effect at once")
    func promoteAndRollback() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let home = try ServerFixture.requestHomes(count: 1)[0]
        try await withApplication(fixture) { client, _ in
            let request = "{\"home\":\(try jsonText(home))}"
            let before = try await client.send(.post, "/v1/predictions", json: request)
            let promote = try await client.send(
                .post, "/admin/promote", json: "{\"region\":\"US\",\"version\":\"2\"}", token: ServerFixture.adminToken)
            #expect(promote.status == .ok, "\(promote.text)")
            #expect(promote["key"] as? String == "homeprice-us#champion" && promote["previousVersion"] as? String == "1")
            let promoted = try await client.send(.post, "/v1/predictions", json: request)
            #expect((promoted["model"] as? [String: Any])?["version"] as? String == "2")
            let again = try await client.send(
                .post, "/admin/promote", json: "{\"region\":\"US\",\"version\":\"2\"}", token: ServerFixture.adminToken)
            #expect(again.status == .conflict)
            let rollback = try await client.send(.post, "/admin/rollback", json: "{\"region\":\"US\"}", token: ServerFixture.adminToken)
            #expect(rollback.status == .ok, "\(rollback.text)")
            let restored = try await client.send(.post, "/v1/predictions", json: request)
            #expect(restored["value"] as? Double == before["value"] as? Double)
            #expect(fixture.publisher.messages(of: ModelEvent.self).map(\.kind) == [.promoted, .rolledBack])
        }
    }

    @Test("a traffic split set by an admin routes the next requests")
    func trafficSplit() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let home = try ServerFixture.requestHomes(count: 1)[0]
        try await withApplication(fixture) { client, _ in
            let plan =
                "{\"region\":\"US\",\"experiment\":{\"id\":\"us-all-b\",\"kind\":\"ab\",\"control\":\"champion\",\"candidate\":\"challenger\",\"candidatePercent\":100}}"
            let set = try await client.send(.post, "/admin/traffic", json: plan, token: ServerFixture.adminToken)
            #expect(set.status == .ok, "\(set.text)")
            let answer = try await client.send(.post, "/v1/predictions", json: "{\"clientId\":\"c\",\"home\":\(try jsonText(home))}")
            #expect(answer["arm"] as? String == "B" && answer["experimentId"] as? String == "us-all-b")
            let bad = try await client.send(
                .post, "/admin/traffic", json: plan.replacingOccurrences(of: "100", with: "150"), token: ServerFixture.adminToken)
            #expect(bad.status.code == 422 && bad["field"] as? String == "experiment.candidatePercent", "\(bad.text)")
            let misspelt = try await client.send(
                .post, "/admin/traffic",
                json: plan.replacingOccurrences(of: "\"candidatePercent\"", with: "\"shadw\":\"3\",\"candidatePercent\""),
                token: ServerFixture.adminToken)
            #expect(misspelt.status.code == 422 && misspelt["field"] as? String == "experiment.shadw", "\(misspelt.text)")
            let noCandidate = try await client.send(
                .post, "/admin/traffic", json: plan.replacingOccurrences(of: ",\"candidate\":\"challenger\"", with: ""),
                token: ServerFixture.adminToken)
            #expect(noCandidate.status.code == 422 && noCandidate["field"] as? String == "experiment.candidate", "\(noCandidate.text)")
        }
    }

    @Test("feedback is published on the feedback topic; a bad one names its field")
    func feedback() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await withApplication(fixture) { client, _ in
            let accepted = try await client.send(
                .post, "/v1/feedback", json: "{\"predictionId\":\"r-1\",\"kind\":\"salePrice\",\"value\":251000,\"currency\":\"USD\"}")
            #expect(accepted.status == .accepted, "\(accepted.text)")
            #expect(fixture.publisher.messages(of: Feedback.self).map(\.predictionId) == ["r-1"])
            let rating = try await client.send(.post, "/v1/feedback", json: "{\"predictionId\":\"r-1\",\"kind\":\"rating\",\"value\":9}")
            #expect(rating.status.code == 422 && rating["field"] as? String == "value")
            for currency in ["\"dollars\"", "\"\"", "\"US$\""] {
                let unknown = try await client.send(
                    .post, "/v1/feedback",
                    json: "{\"predictionId\":\"r-1\",\"kind\":\"salePrice\",\"value\":251000,\"currency\":\(currency)}")
                #expect(unknown.status.code == 422 && unknown["field"] as? String == "currency", "\(currency): \(unknown.text)")
            }
            let kind = try await client.send(.post, "/v1/feedback", json: "{\"predictionId\":\"r-1\",\"kind\":\"great\",\"value\":9}")
            #expect(kind.status.code == 422 && kind["field"] as? String == "kind")
        }
    }

    @Test("a prediction the journal cannot take is refused with 503 and a problem body, never answered; health says degraded")
    func journalFull() async throws {
        var fixture = try await ServerFixture()
        defer { fixture.remove() }
        fixture.configuration.journal.maxBytes = 100
        let home = try ServerFixture.requestHomes(count: 1)[0]
        try await withApplication(fixture) { client, components in
            let refused = try await client.send(.post, "/v1/predictions", json: "{\"requestId\":\"full\",\"home\":\(try jsonText(home))}")
            #expect(refused.status == .serviceUnavailable && refused["title"] as? String == "server.journalFull", "\(refused.text)")
            #expect(refused["predictionId"] == nil && components.queue.pendingCount == 0)
            let health = try await client.send(.get, "/health")
            #expect(health.status == .serviceUnavailable && health["status"] as? String == "degraded")
            #expect((health["journal"] as? String)?.contains("server.journalFull") == true)
        }
    }

    @Test("models, health, metrics and the OpenAPI document are served")
    func systemRoutes() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        try await withApplication(fixture) { client, _ in
            let models = try await client.send(.get, "/v1/models")
            let versions = try #require(models["models"] as? [[String: Any]])
            #expect(versions.map { $0["state"] as? String } == ["loaded", "loaded"])
            #expect(versions.first?["aliases"] as? [String] == ["champion"])
            #expect(try await client.send(.get, "/health")["models"] as? String == "2")
            #expect(try await client.send(.get, "/metrics").status == .ok)
            let document = try await client.send(.get, "/openapi.yaml")
            #expect(document.text.contains("/v1/predictions") && document.text.contains("/admin/promote"))
            let wrongMethod = try await client.execute(uri: "/v1/predictions", method: .get) { $0 }
            #expect(wrongMethod.status == .methodNotAllowed && wrongMethod.headers[.allow] == "POST", "405, not 404")
            #expect(try await client.send(.get, "/v1/nowhere").status == .notFound)
        }
    }
}
