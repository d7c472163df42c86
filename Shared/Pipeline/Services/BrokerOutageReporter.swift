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
    private let logger: Logger
    private let outages: Counter

    /// Creates the reporter of `producer`'s outages, published through `producer` itself.
    public init(producer: KafkaProducer, logger: Logger) {
        self.producer = producer
        self.logger = logger
        outages = Counter(label: "kafka_broker_outages_total", dimensions: [("client", producer.configuration.client.clientId)])
    }

    /// The event that reports `outage`.
    public static func event(for outage: BrokerOutage) -> MonitoringEvent {
        let milliseconds = (outage.seconds * 1_000).rounded()
        let tenths = (milliseconds / 100).rounded() / 10
        return MonitoringEvent(
            service: outage.client, kind: .serviceStatus, name: "broker.back", values: ["outageSeconds": milliseconds / 1_000],
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
                _ = try await producer.send(try KafkaProducerMessage(Self.event(for: outage)))
            } catch {
                logger.warning("broker.back not published", metadata: ["error": "\(error)"])
            }
        }
    }
}
