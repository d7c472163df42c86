import Foundation
import Kafka
import Logging
import Schema
import ServiceLifecycle
import ServiceSupport

extension NormalizerService {
    /// Builds everything a normalizer process runs, from `configs/normalizer.yaml`,
    /// `configs/kafka.yaml` and `configs/sources/`: the producer, both consumers and the
    /// service, in the order a `ServiceGroup` should run them.
    /// - Throws: ``NormalizationError`` for configuration and storage failures, `KafkaError`
    ///   when a client cannot be created.
    public static func services(layout: ProjectLayout?, logger: Logger) async throws -> [any Service] {
        let configuration = try await NormalizerConfiguration.load(layout: layout)
        let kafka = try await KafkaSettings.load(layout: layout)
        let catalog = try SourceCatalog.load(directory: configuration.resolve(configuration.sourcesDirectory, layout: layout))
        let store = try SQLiteWarehouse(
            path: configuration.resolve(configuration.warehousePath, layout: layout).path,
            busyTimeout: configuration.warehouseBusyTimeout
        )
        let normalizer = Normalizer(configuration: configuration, catalog: catalog, store: store)
        let producer = try KafkaProducer(configuration: kafka.producer(clientId: configuration.serviceName), logger: logger)
        let consumer = try KafkaConsumer(
            configuration: kafka.consumer(
                subscription: .group(id: configuration.groupId, topics: consumedTopics),
                clientId: configuration.serviceName
            ),
            logger: logger
        )
        let partitions = (0..<Int32(Topic.sourcesCatalog.defaultPartitionCount)).map {
            KafkaTopicPartitionOffset(topic: Topic.sourcesCatalog.name, partition: $0, position: .beginning)
        }
        let catalogReader = try KafkaConsumer(
            configuration: kafka.consumer(subscription: .partitions(partitions), clientId: "\(configuration.serviceName)-catalog"),
            logger: logger
        )
        let service = NormalizerService(
            normalizer: normalizer,
            consumer: consumer,
            catalogReader: catalogReader,
            producer: producer,
            logger: logger
        )
        return [producer, consumer, catalogReader, service]
    }
}
