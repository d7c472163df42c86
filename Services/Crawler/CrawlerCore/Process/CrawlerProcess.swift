import Kafka
import Logging
import Pipeline
import ServiceLifecycle
import ServiceSupport

/// What a `homeprice-crawler` process runs.
public enum CrawlerProcess {
    /// The services of a crawler process, in `ServiceGroup` order: the Kafka producer (from
    /// `configs/kafka.yaml`) and its broker-outage reporter, then the crawler of the site in `file` (a name inside `configs/` or
    /// a path anywhere), announced with `mapping` when given (see
    /// ``CrawlerConfiguration/load(file:mapping:layout:)``).
    ///
    /// A crawler without a re-crawl interval shuts the group down gracefully after one crawl.
    /// - Throws: ``CrawlerError`` for configuration failures, `ServiceSupportError` when the
    ///   Kafka settings are invalid, `KafkaError` when the client cannot be created.
    public static func services(file: String, mapping: String? = nil, layout: ProjectLayout, logger: Logger) async throws
        -> [ServiceGroupConfiguration.ServiceConfiguration]
    {
        let configuration = try await CrawlerConfiguration.load(file: file, mapping: mapping, layout: layout)
        let kafka = try await KafkaSettings.load(layout: layout)
        let siteId = configuration.site.descriptor.id
        var crawlerLogger = logger
        crawlerLogger[metadataKey: "source.id"] = "\(siteId)"
        let producer = try KafkaProducer(configuration: kafka.producer(clientId: "crawler-\(siteId)"), logger: logger)
        let crawler = Crawler(
            site: configuration.site, settings: configuration.settings, publisher: KafkaPublisher(producer: producer),
            logger: crawlerLogger, recrawlInterval: configuration.recrawlInterval)
        return [
            .init(service: producer),
            .init(service: BrokerOutageReporter(producer: producer, logger: logger)),
            .init(service: crawler, successTerminationBehavior: .gracefullyShutdownGroup),
        ]
    }
}
