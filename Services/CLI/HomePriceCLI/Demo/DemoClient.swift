import Foundation
import Kafka
import Pipeline
import Scenario
import Schema
import ServiceSupport
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One prediction the client stream asks for: a held-out home, its true sale price, and how it
/// is sent.
struct DemoAsk: Sendable {
    /// How the request travels.
    enum Route: String, Sendable {
        /// `POST /v1/predictions` with the canonical features.
        case httpFeatures = "HTTP features"
        /// `POST /v1/predictions` with a source's raw record.
        case httpRawRecord = "HTTP raw record"
        /// A `PredictionRequest` on `predictions.requests`.
        case kafka = "Kafka"
    }

    var requestId: String
    var clientId: String
    var home: ScenarioHome
    /// The price the home sells for (after a market shift, the shifted price).
    var truePrice: Double
    var route: Route
    /// The source whose record an ``Route/httpRawRecord`` request sends.
    var rawSource: ScenarioSource?
}

/// An answered ask: the prediction id the answer carries.
struct DemoAnswer: Sendable {
    var ask: DemoAsk
    var predictionId: String
}

/// The client stream of the main job: prediction requests over HTTP and Kafka, then the true
/// sale prices as feedback. Every HTTP answer that is not 2xx is counted as a failed request.
struct DemoClient: Sendable {
    let settings: DemoSettings
    let producer: KafkaProducer
    let watcher: DemoWatcher
    private let failures = TextLog()
    private let retries = TextLog()
    private let answered = TextLog()
    private let requested = TextLog()
    private let republished = TextLog()

    init(settings: DemoSettings, producer: KafkaProducer, watcher: DemoWatcher) {
        self.settings = settings
        self.producer = producer
        self.watcher = watcher
    }

    /// Requests that did not get a 2xx answer (after their retries), each with its status and
    /// reason.
    var failedRequests: [String] { failures.entries }

    /// Every retried attempt, with what it got.
    var retriedAttempts: [String] { retries.entries }

    /// HTTP requests asked again because their answer never reached `predictions` (the server
    /// was killed between answering and publishing).
    var republishedRequests: [String] { republished.entries }

    /// The prediction requests asked so far.
    var asked: Int { requested.entries.count }

    /// The prediction requests answered on `predictions` so far.
    var answeredCount: Int { answered.entries.count }

    /// Sends `asks` in batches and waits until every answer is on `predictions`.
    func ask(_ asks: [DemoAsk]) async throws -> [DemoAnswer] {
        for ask in asks { requested.add(ask.requestId) }
        var answers: [DemoAnswer] = []
        for batch in stride(from: 0, to: asks.count, by: settings.client.batchSize).map({
            Array(asks[$0..<min($0 + settings.client.batchSize, asks.count)])
        }) {
            var kafka: [any SchemaMessage] = []
            for ask in batch {
                switch ask.route {
                case .kafka:
                    kafka.append(
                        PredictionRequest(
                            requestId: ask.requestId, clientId: ask.clientId, features: ask.home.canonical.features, requestedAt: Date()))
                    answers.append(DemoAnswer(ask: ask, predictionId: ask.requestId))
                case .httpFeatures, .httpRawRecord:
                    if let id = try await http(ask) { answers.append(DemoAnswer(ask: ask, predictionId: id)) }
                }
            }
            try await KafkaPublisher(producer: producer).publish(kafka)
        }
        let ids = Set(answers.map(\.predictionId))
        let waitForAnswers = { @Sendable () async throws in
            _ = try await watcher.wait(
                "the answers to \(asks.count) prediction requests on predictions", timeout: settings.timeouts.answers
            ) { observations in ids.isSubset(of: observations.predictions.keys) ? true : nil }
        }
        do {
            try await waitForAnswers()
        } catch let failure as DemoFailure {
            // An HTTP answer the server gave but was killed before its publishing queue sent it
            // to `predictions`: asked again under the same request id (the same prediction id).
            let seen = watcher.observations.predictions
            let lost = answers.filter { seen[$0.predictionId] == nil }
            guard !lost.isEmpty, lost.allSatisfy({ $0.ask.route != .kafka }) else { throw failure }
            for answer in lost {
                republished.add(answer.predictionId)
                _ = try await http(answer.ask)
            }
            try await waitForAnswers()
        }
        for id in ids { answered.add(id) }
        return answers
    }

    /// Publishes the true sale price of every answered home on `feedback`.
    func tellSalePrices(_ answers: [DemoAnswer]) async throws {
        let now = Date()
        try await KafkaPublisher(producer: producer).publish(
            answers.map { answer in
                Feedback(
                    feedbackId: "sale-\(answer.predictionId)", predictionId: answer.predictionId, kind: .salePrice,
                    value: answer.ask.truePrice, currency: answer.ask.home.currency, submittedBy: answer.ask.clientId, at: now)
            })
    }

    /// `POST /v1/predictions` for one ask; the prediction id, or `nil` after a failure (counted).
    private func http(_ ask: DemoAsk) async throws -> String? {
        let home: String
        if ask.route == .httpRawRecord, let source = ask.rawSource {
            home = "{\"source\":\"\(source.id)\",\"record\":\(ask.home.rawRecord(in: source, seed: settings.seed))}"
        } else {
            home = String(decoding: try JSONEncoder().encode(ask.home.canonical.features), as: UTF8.self)
        }
        let body = "{\"requestId\":\"\(ask.requestId)\",\"clientId\":\"\(ask.clientId)\",\"home\":\(home)}"
        guard let url = URL(string: settings.serverURL + "/v1/predictions") else {
            throw DemoFailure(reason: "demo.serverURL is not a URL: \(settings.serverURL)")
        }
        var request = URLRequest(url: url, timeoutInterval: Double(settings.client.requestTimeout.components.seconds))
        request.httpMethod = "POST"
        request.httpBody = Data(body.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        var attempt = 0
        while true {
            let outcome: String
            do {
                let (data, response) = try await URLSession.shared.cancellableData(for: request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                if (200..<300).contains(status), let answer = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                    let id = answer["predictionId"] as? String
                {
                    return id
                }
                outcome = "HTTP \(status) \(String(decoding: data.prefix(200), as: UTF8.self))"
                // A request the server refused is not retried: it would be refused again.
                guard status >= 500 else {
                    failures.add("\(ask.requestId) (\(ask.route.rawValue)): \(outcome)")
                    return nil
                }
            } catch {
                outcome = error.localizedDescription
            }
            // Refused or 5xx: a server restarting. The same request id gives the same prediction.
            guard attempt < settings.client.retries else {
                failures.add("\(ask.requestId) (\(ask.route.rawValue)) after \(attempt) retries: \(outcome)")
                return nil
            }
            attempt += 1
            retries.add("\(ask.requestId): \(outcome)")
            try await Task.sleep(for: settings.client.retryDelay)
        }
    }
}

/// An append-only list of texts shared by concurrent tasks (failures, retries, answered ids).
final class TextLog: Sendable {
    private let state = Mutex<[String]>([])

    /// Every entry so far.
    var entries: [String] { state.withLock { $0 } }

    /// Appends one entry.
    func add(_ entry: String) { state.withLock { $0.append(entry) } }
}
