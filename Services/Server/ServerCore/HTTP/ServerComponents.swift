import Foundation
import Logging
import Pipeline

/// Everything the HTTP API and the Kafka path share: the settings, the serving core, the
/// models, the experiments, the raw-record reader and the two ways to publish.
public struct ServerComponents: Sendable {
    /// The settings.
    public let configuration: ServerConfiguration
    /// The serving core.
    public let predictor: Predictor
    /// The models.
    public let catalog: ModelCatalog
    /// The experiments in force.
    public let experiments: ExperimentTable
    /// Raw records of known sources to canonical features.
    public let rawRecords: RawRecordReader
    /// Predictions and review tasks, published off the request path.
    public let queue: PublishingQueue
    /// Awaited publishing: feedback and registry events.
    public let publisher: any MessagePublisher

    /// Creates the components.
    public init(
        configuration: ServerConfiguration, catalog: ModelCatalog, rawRecords: RawRecordReader, queue: PublishingQueue,
        publisher: any MessagePublisher
    ) {
        self.configuration = configuration
        predictor = Predictor(configuration: configuration)
        self.catalog = catalog
        experiments = ExperimentTable(configuration.experiments)
        self.rawRecords = rawRecords
        self.queue = queue
        self.publisher = publisher
    }
}
