import Foundation

/// A request for a price prediction, sent over Kafka instead of HTTP.
///
/// Published on ``Topic/predictionRequests`` by clients, keyed by ``requestId``; the server
/// answers with a ``Prediction`` carrying the same request id.
public struct PredictionRequest: SchemaMessage {
    /// Version 2: ``HomeFeatures/rooms`` is a number (half rooms). Version 1 requests (whole
    /// rooms) read as they are.
    public static let currentSchemaVersion = 2

    /// ``Topic/predictionRequests``.
    public static let topic = Topic.predictionRequests

    /// The schema version the producer wrote.
    public var schemaVersion: Int

    /// The client's unique id for this request; retries reuse it.
    public var requestId: String

    /// The client's id; A/B arms are sticky per client.
    public var clientId: String

    /// The home to price.
    public var features: HomeFeatures

    /// The model alias to route to, for example `"champion"` or `"challenger"`; the server's
    /// A/B routing decides when both this and ``modelVersion`` are `nil`.
    public var modelAlias: String?

    /// A specific model version to route to; overrides ``modelAlias``.
    public var modelVersion: String?

    /// The ISO 4217 currency wanted for the answer; defaults to the region's currency.
    public var currency: String?

    /// When the client sent the request.
    public var requestedAt: Date

    /// The request id.
    public var key: String { requestId }

    /// Creates a prediction request.
    ///
    /// - Parameters:
    ///   - requestId: The client's unique id for this request.
    ///   - clientId: The client's id.
    ///   - features: The home to price.
    ///   - modelAlias: The model alias to route to.
    ///   - modelVersion: A specific model version to route to.
    ///   - currency: The currency wanted for the answer.
    ///   - requestedAt: When the client sent the request.
    ///   - schemaVersion: The schema version; defaults to the current one.
    public init(
        requestId: String,
        clientId: String,
        features: HomeFeatures,
        modelAlias: String? = nil,
        modelVersion: String? = nil,
        currency: String? = nil,
        requestedAt: Date,
        schemaVersion: Int = PredictionRequest.currentSchemaVersion
    ) {
        self.schemaVersion = schemaVersion
        self.requestId = requestId
        self.clientId = clientId
        self.features = features
        self.modelAlias = modelAlias
        self.modelVersion = modelVersion
        self.currency = currency
        self.requestedAt = requestedAt
    }
}
