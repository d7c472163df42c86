import CRdKafka
import Logging
import Synchronization

/// Logs a client's non-fatal errors so that a broker outage is one warning, not one line per
/// retry: the first connectivity error (all brokers down, transport failure, a name that does
/// not resolve) logs a warning, later ones while still disconnected log at debug level, and the
/// first success afterwards logs once that the broker answers again. Other non-fatal errors
/// are logged as warnings each time.
final class ConnectivityLog: Sendable {
    private let disconnected = Mutex(false)
    private let logger: Logger
    private let client: String

    /// Creates the log of one client (`kafka producer`, `kafka consumer`).
    init(client: String, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Whether `err` says the brokers cannot be reached.
    static func isConnectivity(_ err: rd_kafka_resp_err_t) -> Bool {
        [RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN, RD_KAFKA_RESP_ERR__TRANSPORT, RD_KAFKA_RESP_ERR__RESOLVE].contains(err)
    }

    /// Logs the non-fatal `error` of librdkafka code `err`.
    func nonFatal(_ error: KafkaError, err: rd_kafka_resp_err_t) {
        guard Self.isConnectivity(err) else {
            logger.warning("\(client) error", metadata: ["kafka.error": "\(error)"])
            return
        }
        let first = disconnected.withLock { down in
            defer { down = true }
            return !down
        }
        if first {
            logger.warning("\(client): broker unreachable; retrying quietly until it answers", metadata: ["kafka.error": "\(error)"])
        } else {
            logger.debug("\(client): broker still unreachable", metadata: ["kafka.error": "\(error)"])
        }
    }

    /// Notes that the broker answered (a delivery, a fetched message).
    func answered() {
        let recovered = disconnected.withLock { down in
            defer { down = false }
            return down
        }
        if recovered { logger.notice("\(client): broker answers again") }
    }
}
