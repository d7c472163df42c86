import Schema

/// One home to price and how to route it, whether it came over HTTP or Kafka.
public struct PredictionInput: Sendable, Equatable {
    /// The request id; the served prediction's id is derived from it, so a retried request
    /// gets the same prediction id.
    public var requestId: String
    /// The client, for sticky experiment assignment.
    public var clientId: String
    /// The home, as canonical features.
    public var features: HomeFeatures
    /// The model the client asked for, if any (overrides the experiment).
    public var target: ModelTarget?
    /// The currency wanted; the region's when `nil`.
    public var currency: String?
    /// How many contributions to explain (0: none).
    public var explain: Int

    /// Creates an input.
    public init(
        requestId: String, clientId: String, features: HomeFeatures, target: ModelTarget? = nil, currency: String? = nil,
        explain: Int = 0
    ) {
        self.requestId = requestId
        self.clientId = clientId
        self.features = features
        self.target = target
        self.currency = currency
        self.explain = explain
    }

    /// The input of a Kafka ``Schema/PredictionRequest``: its version wins over its alias.
    public init(_ request: PredictionRequest) {
        self.init(
            requestId: request.requestId, clientId: request.clientId, features: request.features,
            target: request.modelVersion.map(ModelTarget.version) ?? request.modelAlias.flatMap(ModelTarget.init(text:)),
            currency: request.currency)
    }
}
