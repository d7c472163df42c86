import Foundation
import ModelRegistry
import Schema
import ServerCore
import Testing

@Suite("Predictor: routing, shadow, rollback, post-processing")
struct PredictorTests {
    let at = Date(timeIntervalSince1970: 1_764_000_000)

    private func input(
        _ features: HomeFeatures, client: String = "client-1", target: ModelTarget? = nil, currency: String? = nil, explain: Int = 0
    )
        -> PredictionInput
    {
        PredictionInput(
            requestId: "req-\(client)", clientId: client, features: features, target: target, currency: currency, explain: explain)
    }

    @Test("without an experiment the champion answers on the default route; an explicit version or alias wins")
    func routing() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let snapshot = try await fixture.catalog().apply(try fixture.championAndChallenger())
        let predictor = Predictor(configuration: fixture.configuration)
        let experiments = ExperimentTable(fixture.configuration.experiments)
        let home = try ServerFixture.requestHomes(count: 1)[0]
        let routed = try predictor.predict(input(home), snapshot: snapshot, experiments: experiments, at: at)
        #expect(routed.served.modelVersion == "1" && routed.served.arm == .defaultRoute && routed.served.experimentId == nil)
        let version = try predictor.predict(input(home, target: .version("2")), snapshot: snapshot, experiments: experiments, at: at)
        #expect(version.served.modelVersion == "2" && version.served.arm == .requested)
        let alias = try predictor.predict(input(home, target: .alias("challenger")), snapshot: snapshot, experiments: experiments, at: at)
        #expect(alias.served.modelVersion == "2")
        let noVersion = #expect(throws: ServerError.self) {
            try predictor.predict(input(home, target: .version("9")), snapshot: snapshot, experiments: experiments, at: at)
        }
        #expect(noVersion?.code == .unknownModel && noVersion?.field == "modelVersion")
        let noAlias = #expect(throws: ServerError.self) {
            try predictor.predict(input(home, target: .alias("nope")), snapshot: snapshot, experiments: experiments, at: at)
        }
        #expect(noAlias?.code == .unknownModel && noAlias?.field == "modelAlias")
        var french = home
        french.region = "FR"
        let error = #expect(throws: ServerError.self) {
            try predictor.predict(input(french), snapshot: snapshot, experiments: experiments, at: at)
        }
        #expect(error?.code == .unknownRegion && error?.field == "region")
    }

    @Test("an A/B test serves each client from its sticky arm's model and names the experiment")
    func abTest() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let snapshot = try await fixture.catalog().apply(try fixture.championAndChallenger())
        let predictor = Predictor(configuration: fixture.configuration)
        let experiment = Experiment(id: "us-ab", kind: .ab, candidate: .alias("challenger"), candidatePercent: 50)
        let experiments = ExperimentTable(["US": experiment])
        let home = try ServerFixture.requestHomes(count: 1)[0]
        for client in (0..<40).map({ "client-\($0)" }) {
            let outcome = try predictor.predict(input(home, client: client), snapshot: snapshot, experiments: experiments, at: at)
            let expected = ArmAssignment.assign(clientId: client, in: experiment).arm
            #expect(outcome.served.arm == expected && outcome.served.experimentId == "us-ab")
            #expect(outcome.served.modelVersion == (expected == .b ? "2" : "1"))
        }
    }

    @Test("a shadow candidate scores every request and is published, never returned")
    func shadowNeverReturned() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let snapshot = try await fixture.catalog().apply(try fixture.championAndChallenger())
        let predictor = Predictor(configuration: fixture.configuration)
        let experiments = ExperimentTable(["US": Experiment(id: "us-shadow", kind: .none, shadow: .alias("challenger"))])
        for (index, home) in try ServerFixture.requestHomes(count: 20).enumerated() {
            let outcome = try predictor.predict(input(home, client: "c\(index)"), snapshot: snapshot, experiments: experiments, at: at)
            #expect(outcome.served.modelVersion == "1" && outcome.served.arm != .shadow)
            #expect(outcome.shadows.count == 1)
            #expect(outcome.shadows[0].arm == .shadow && outcome.shadows[0].modelVersion == "2")
            #expect(outcome.shadows[0].predictionId != outcome.served.predictionId)
            let published = outcome.messages.compactMap { $0 as? Prediction }
            #expect(published.map(\.arm).sorted { $0.rawValue < $1.rawValue } == [.defaultRoute, .shadow])
        }
    }

    @Test("a rollback restores the previous version's answers bit for bit")
    func rollbackRestoresAnswers() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let catalog = fixture.catalog()
        let predictor = Predictor(configuration: fixture.configuration)
        let experiments = ExperimentTable([:])
        let homes = try ServerFixture.requestHomes(count: 30)
        func answers() throws -> [Prediction] {
            try homes.map { try predictor.predict(input($0), snapshot: catalog.snapshot, experiments: experiments, at: at).served }
        }
        var events = try fixture.championAndChallenger()
        try await catalog.apply(events)
        let before = try answers()
        let t = Date(timeIntervalSince1970: 1_700_000_200)
        let promotion = try catalog.snapshot.registry.promotion(of: "2", model: "homeprice-us", actor: "test", reason: nil, at: t)
        events.append(promotion)
        try await catalog.apply([promotion])
        let promoted = try answers()
        #expect(promoted.allSatisfy { $0.modelVersion == "2" })
        #expect(promoted.map(\.value) != before.map(\.value))
        let rollback = try catalog.snapshot.registry.rollback(
            model: "homeprice-us", actor: "test", reason: nil, at: t.addingTimeInterval(1))
        try await catalog.apply([rollback])
        let restored = try answers()
        #expect(restored.map(\.modelVersion) == before.map(\.modelVersion))
        #expect(restored.map(\.value.bitPattern) == before.map(\.value.bitPattern))
        #expect(restored.map(\.interval) == before.map(\.interval))
    }

    @Test("answers are rounded to the market's thousand, converted with the currency table, and explained in money")
    func postProcessing() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let snapshot = try await fixture.catalog().apply(try fixture.championAndChallenger())
        let predictor = Predictor(configuration: fixture.configuration)
        let experiments = ExperimentTable([:])
        let home = try ServerFixture.requestHomes(count: 1)[0]
        let dollars = try predictor.predict(input(home, explain: 5), snapshot: snapshot, experiments: experiments, at: at)
        #expect(dollars.served.currency == "USD")
        #expect(dollars.served.value.truncatingRemainder(dividingBy: 1000) == 0)
        #expect(dollars.served.interval.lower <= dollars.served.value && dollars.served.value <= dollars.served.interval.upper)
        #expect(dollars.served.interval.confidence == 0.8)
        let explanation = try #require(dollars.explanation)
        #expect(explanation.count == 5)
        #expect(explanation.map { abs($0.contribution) } == explanation.map { abs($0.contribution) }.sorted(by: >))
        let euros = try predictor.predict(input(home, currency: "EUR"), snapshot: snapshot, experiments: experiments, at: at)
        #expect(euros.served.currency == "EUR")
        #expect(abs(euros.served.value - dollars.served.value * 0.92) <= 1000)
        let unknown = #expect(throws: ServerError.self) {
            try predictor.predict(input(home, currency: "XYZ"), snapshot: snapshot, experiments: experiments, at: at)
        }
        #expect(unknown?.field == "currency")
    }

    @Test("a prediction whose interval is wider than the configured fraction also raises a review task")
    func wideIntervalRaisesReview() async throws {
        var fixture = try await ServerFixture()
        defer { fixture.remove() }
        let snapshot = try await fixture.catalog().apply(try fixture.championAndChallenger())
        let home = try ServerFixture.requestHomes(count: 1)[0]
        let relaxed = try Predictor(configuration: fixture.configuration)
            .predict(input(home), snapshot: snapshot, experiments: ExperimentTable([:]), at: at)
        #expect(relaxed.reviewTask == nil)
        fixture.configuration.reviewIntervalFraction = 0.01
        let strict = try Predictor(configuration: fixture.configuration)
            .predict(input(home), snapshot: snapshot, experiments: ExperimentTable([:]), at: at)
        let task = try #require(strict.reviewTask)
        #expect(task.kind == .lowConfidencePrediction && task.subjectIds == [strict.served.predictionId])
        #expect(strict.messages.contains { $0 is ReviewTask })
    }
}
