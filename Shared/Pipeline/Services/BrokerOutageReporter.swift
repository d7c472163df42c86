import Foundation
import Kafka
import Logging
import Metrics
import Schema
import ServiceLifecycle

/// Reports on `pipeline.monitoring` that the broker answers again after an outage, once per
/// outage of the process's producer: a `broker.back` service-status event (warning) naming the
/// client and how long it reached no broker.
///
/// While the broker is down the clients only log one warning (see the Kafka module); this is
/// the record an operator tailing the monitoring topic, and the monitor's dashboard, see
/// afterwards. ``ServiceMain`` runs one beside the first producer of every service process.
public struct BrokerOutageReporter: Service {
    private let producer: KafkaProducer
    private let service: String?
    private let logger: Logger
    private let outages: Counter

    /// Creates the reporter of `producer`'s outages, published through `producer` itself.
    /// - Parameter service: The name the events carry: the cluster's name for the process
    ///   (`HOMEPRICE_SERVICE`, set by the supervisor, as in its own restart events) or, without
    ///   one, the producer's client id.
    public init(
        producer: KafkaProducer, logger: Logger, service: String? = ProcessInfo.processInfo.environment["HOMEPRICE_SERVICE"]
    ) {
        self.producer = producer
        self.service = service
        self.logger = logger
        outages = Counter(label: "kafka_broker_outages_total", dimensions: [("client", producer.configuration.client.clientId)])
    }

    /// The event that reports `outage` of the process named `service` (the client id when `nil`);
    /// the client id is the event's instance.
    public static func event(for outage: BrokerOutage, service: String? = nil) -> MonitoringEvent {
        let milliseconds = (outage.seconds * 1_000).rounded()
        let tenths = (milliseconds / 100).rounded() / 10
        return MonitoringEvent(
            service: service ?? outage.client, instance: outage.client, kind: .serviceStatus, name: "broker.back",
            values: ["outageSeconds": milliseconds / 1_000],
            severity: .warning,
            message:
                "\(outage.client): the broker answers again after \(tenths) s unreachable (since \(outage.began.formatted(.iso8601)))",
            at: outage.ended)
    }

    /// Publishes each outage as it ends, until graceful shutdown.
    public func run() async {
        for await outage in producer.brokerRecoveries.cancelOnGracefulShutdown() {
            outages.increment()
            do {
                _ = try await producer.send(try KafkaProducerMessage(Self.event(for: outage, service: service)))
            } catch {
                logger.warning("broker.back not published", metadata: ["error": "\(error)"])
            }
        }
    }
}
