/// Every Kafka topic of HomePrice, with the settings it is created with and the one
/// ``SchemaMessage`` type it carries.
///
/// The raw value is the exact topic name. Create topics explicitly from this list
/// (brokers run with `allow.auto.create.topics=false`).
public enum Topic: String, Sendable, CaseIterable {
    /// Records exactly as sources delivered them; key `source/recordId`; ``RawRecord``.
    case homesRaw = "homes.raw"
    /// The source catalog, latest entry per source; key source id; ``SourceDescriptor``.
    case sourcesCatalog = "sources.catalog"
    /// Canonical, merged homes; key home id; ``Home``.
    case homesNormalized = "homes.normalized"
    /// Model-ready feature rows; key home id; ``FeatureRow``.
    case homesFeatures = "homes.features"
    /// Messages a stage could not process; key the original key; ``DeadLetter``.
    case homesDeadLetter = "homes.deadletter"
    /// Model lifecycle events; key `model@version` (lifecycle) or `model#alias` (alias moves);
    /// ``ModelEvent``.
    case modelsRegistry = "models.registry"
    /// Asynchronous prediction requests; key request id; ``PredictionRequest``.
    case predictionRequests = "predictions.requests"
    /// Served predictions; key prediction id; ``Prediction``.
    case predictions = "predictions"
    /// Customer feedback on predictions; key prediction id; ``Feedback``.
    case feedback = "feedback"
    /// Metrics, training epochs, validations, drift, alerts, deployments; key service;
    /// ``MonitoringEvent``.
    case pipelineMonitoring = "pipeline.monitoring"
    /// Operational commands; key target; ``ControlCommand``.
    case pipelineControl = "pipeline.control"
    /// Decisions waiting for a human; key task id; ``ReviewTask``.
    case reviewTasks = "review.tasks"

    /// The exact Kafka topic name, for example `"homes.raw"`.
    public var name: String { rawValue }

    /// The partition count the topic is created with.
    ///
    /// Data topics get 6 so two to six consumers share the load; low-volume topics whose
    /// consumers want one global order (catalog, registry, control, review) get 1.
    public var defaultPartitionCount: Int {
        switch self {
        case .homesRaw, .homesNormalized, .homesFeatures, .predictionRequests, .predictions:
            6
        case .homesDeadLetter, .feedback, .pipelineMonitoring:
            3
        case .sourcesCatalog, .modelsRegistry, .pipelineControl, .reviewTasks:
            1
        }
    }

    /// Whether the topic is created with `cleanup.policy=compact`.
    ///
    /// Consumers must not rely on the broker compacting (the local test broker never does):
    /// they read a compacted topic from the beginning and keep the latest value per key.
    public var isCompacted: Bool {
        switch self {
        case .sourcesCatalog, .modelsRegistry:
            true
        case .homesRaw, .homesNormalized, .homesFeatures, .homesDeadLetter, .predictionRequests,
            .predictions, .feedback, .pipelineMonitoring, .pipelineControl, .reviewTasks:
            false
        }
    }

    /// The message type every record on this topic carries.
    public var messageType: any SchemaMessage.Type {
        switch self {
        case .homesRaw: RawRecord.self
        case .sourcesCatalog: SourceDescriptor.self
        case .homesNormalized: Home.self
        case .homesFeatures: FeatureRow.self
        case .homesDeadLetter: DeadLetter.self
        case .modelsRegistry: ModelEvent.self
        case .predictionRequests: PredictionRequest.self
        case .predictions: Prediction.self
        case .feedback: Feedback.self
        case .pipelineMonitoring: MonitoringEvent.self
        case .pipelineControl: ControlCommand.self
        case .reviewTasks: ReviewTask.self
        }
    }
}
