import Foundation
import Schema

/// One answered home in a `POST /v1/predictions` response.
struct PredictionAnswer: Encodable, Sendable {
    /// The model that answered.
    struct Model: Encodable, Sendable {
        var name: String
        var version: String
    }

    var predictionId: String
    var requestId: String
    var region: String
    var value: Double
    var interval: PredictionInterval
    var currency: String
    var model: Model
    var arm: ExperimentArm
    var experimentId: String?
    var explanation: [FeatureContribution]?
    var issues: [String]

    init(_ outcome: PredictionOutcome) {
        let served = outcome.served
        predictionId = served.predictionId
        requestId = served.requestId
        region = served.region
        value = served.value
        interval = served.interval
        currency = served.currency
        model = Model(name: served.modelName, version: served.modelVersion)
        arm = served.arm
        experimentId = served.experimentId
        explanation = outcome.explanation
        issues = outcome.issues
    }
}

/// The response of a batch: one answer per home, in order.
struct PredictionBatchAnswer: Encodable, Sendable {
    var predictions: [PredictionAnswer]
}
