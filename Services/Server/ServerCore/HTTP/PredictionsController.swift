import Foundation
import Hummingbird
import Schema

/// `POST /v1/predictions`: prices one home or a batch, all with the same snapshot of models,
/// and journals every prediction (with shadows and review tasks) for `predictions` before it
/// answers: an answer that could not be journalled is a 503, never an answer that could be lost.
struct PredictionsController<Context: RequestContext>: Sendable {
    let components: ServerComponents

    /// The errors on these fields name the request's own field, not the home's.
    static var requestFields: Set<String> { ["currency", "modelVersion", "modelAlias"] }

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("predictions") { request, _ in try await predict(request) }
    }

    func predict(_ request: Request) async throws -> Response {
        let configuration = components.configuration
        let body = try await decodeBody(request, as: PredictionsRequestBody.self, limit: configuration.maxBodyBytes)
        guard body.homes.count <= configuration.maxBatchSize else {
            throw ServerError(
                .invalidRequest, reason: "at most \(configuration.maxBatchSize) homes per request", field: "homes",
                input: "\(body.homes.count)")
        }
        guard body.explain <= configuration.maxExplanationFeatures else {
            throw ServerError(
                .invalidRequest, reason: "at most \(configuration.maxExplanationFeatures) contributions", field: "explain",
                input: "\(body.explain)")
        }
        guard components.catalog.isReady else {
            throw ServerError(.notReady, reason: "the models are still loading: models.registry is being read to its end")
        }
        let requestId = body.requestId ?? UUID().uuidString.lowercased()
        let target = body.modelVersion.map(ModelTarget.version) ?? body.modelAlias.map(ModelTarget.alias)
        let snapshot = components.catalog.snapshot
        let now = Date()
        var outcomes: [PredictionOutcome] = []
        outcomes.reserveCapacity(body.homes.count)
        for (index, home) in body.homes.enumerated() {
            let location = body.isBatch ? "homes[\(index)]" : "home"
            let id = body.isBatch ? "\(requestId)-\(index)" : requestId
            do {
                let features: HomeFeatures
                switch home {
                case .canonical(let canonical): features = canonical
                case .raw(let source, let payload):
                    features = try components.rawRecords.features(sourceId: source, payload: payload, recordId: id, at: now)
                }
                let input = PredictionInput(
                    requestId: id, clientId: body.clientId ?? requestId, features: features, target: target, currency: body.currency,
                    explain: body.explain)
                outcomes.append(
                    try components.predictor.predict(input, snapshot: snapshot, experiments: components.experiments, at: now))
            } catch {
                // Routing fields belong to the request, home fields to the home.
                if let field = error.field, Self.requestFields.contains(field) { throw error }
                throw error.located(under: location)
            }
        }
        try await components.queue.enqueue(outcomes.flatMap(\.messages))
        let answers = outcomes.map(PredictionAnswer.init)
        return body.isBatch ? JSONResponse.make(PredictionBatchAnswer(predictions: answers)) : JSONResponse.make(answers[0])
    }
}
