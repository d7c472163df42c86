import Kafka
import Logging
import Pipeline
import ServiceLifecycle
import ServiceSupport

/// What a `homeprice-source --source ID` process runs.
public enum SourceProcess {
    /// The services of one source's producer process, in `ServiceGroup` order: the Kafka
    /// producer (from `configs/kafka.yaml`) and its broker-outage reporter, then the generic producer of `sourceId` (from
    /// `configs/sources/producers/<id>.yaml` or `file`, and `configs/sources/<id>.yaml` or
    /// `mapping`; see ``ProducerConfiguration/load(sourceId:file:mapping:layout:)``).
    ///
    /// A producer that reads its input once (a dataset file) shuts the group down gracefully
    /// when done, so everything it published is delivered before the process exits.
    /// - Throws: ``SourceError`` for configuration failures, `ServiceSupportError` when the
    ///   Kafka settings are invalid, `KafkaError` when the client cannot be created.
    public static func services(sourceId: String, file: String? = nil, mapping: String? = nil, layout: ProjectLayout, logger: Logger)
        async throws
        -> [ServiceGroupConfiguration.ServiceConfiguration]
    {
        let configuration = try await ProducerConfiguration.load(sourceId: sourceId, file: file, mapping: mapping, layout: layout)
        let kafka = try await KafkaSettings.load(layout: layout)
        var sourceLogger = logger
        sourceLogger[metadataKey: "source.id"] = "\(sourceId)"
        let producer = try KafkaProducer(configuration: kafka.producer(clientId: "source-\(sourceId)"), logger: logger)
        let source = SourceProducer(
            configuration: configuration, publisher: KafkaPublisher(producer: producer), logger: sourceLogger)
        return [
            .init(service: producer),
            .init(service: BrokerOutageReporter(producer: producer, logger: logger)),
            .init(service: source, successTerminationBehavior: .gracefullyShutdownGroup),
        ]
    }
}
