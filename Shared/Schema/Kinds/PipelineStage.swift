/// A processing stage of the pipeline, as named in dead letters.
public enum PipelineStage: String, Codable, Sendable, CaseIterable {
    /// Crawler and source producers.
    case ingestion

    /// Mapping, parsing, entity resolution, warehouse load.
    case normalization

    /// Feature computation.
    case preprocessing

    /// Model training and validation.
    case training

    /// The model server, including its feedback endpoint.
    case serving

    /// Drift, accuracy, alerts.
    case monitoring
}
