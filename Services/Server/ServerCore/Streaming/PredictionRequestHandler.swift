import Foundation
import Kafka
import Pipeline
import Schema

/// The Kafka path: each `predictions.requests` message becomes its prediction (plus shadow
/// predictions and a review task when unsure) for the shared ``Pipeline/BatchProcessor``,
/// which publishes them and then stores the offsets. An unreadable request, one holding a value
/// no home can have (``ImpossibleValue``, as on the HTTP path) or one that cannot be served
/// goes to `homes.deadletter` with the reason and the field.
///
/// The prediction id is the request id, so a request processed twice (at-least-once)
/// publishes the same key again.
public struct PredictionRequestHandler: BatchHandler {
    /// The serving core.
    public let predictor: Predictor
    /// The models.
    public let catalog: ModelCatalog
    /// The experiments.
    public let experiments: ExperimentTable

    /// Creates the handler.
    public init(predictor: Predictor, catalog: ModelCatalog, experiments: ExperimentTable) {
        self.predictor = predictor
        self.catalog = catalog
        self.experiments = experiments
    }

    /// One outcome per request, in order; waits for the catalog to be ready first.
    public func handle(_ batch: [KafkaConsumerMessage]) async throws -> [MessageOutcome] {
        try await catalog.waitUntilReady()
        let snapshot = catalog.snapshot
        let now = Date()
        return batch.map { message in
            do {
                let request = try PredictionRequest.decode(from: Data(message.value))
                if let impossible = ImpossibleValue.first(in: request.features) {
                    throw ServerError(.invalidRequest, reason: impossible.reason, field: "features.\(impossible.field)")
                }
                let outcome = try predictor.predict(
                    PredictionInput(request), snapshot: snapshot, experiments: experiments, at: now)
                return .produced(outcome.messages)
            } catch {
                return .failed(FailureReason.reasons(for: error))
            }
        }
    }
}
