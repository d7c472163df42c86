import CRdKafka
import Foundation
import Logging
import Synchronization

/// Follows whether a client reaches its brokers, so that a broker outage is one warning, not
/// one line per retry, and its end is reported once.
///
/// The first connectivity error (all brokers down, transport failure, a name that does not
/// resolve) logs a warning and starts an outage; later ones while still disconnected log at
/// debug level; the first answer afterwards logs once that the broker answers again and yields
/// the finished ``BrokerOutage`` on ``recoveries``. Other non-fatal errors are logged as
/// warnings each time.
final class ConnectivityLog: Sendable {
    /// The outage in progress: when it began, or `nil` while connected.
    private let outageBegan = Mutex<Date?>(nil)
    private let logger: Logger
    private let client: String
    private let clientId: String
    private let recoveriesContinuation: AsyncStream<BrokerOutage>.Continuation

    /// Every finished outage, in order; the newest few are kept until read.
    let recoveries: AsyncStream<BrokerOutage>

    /// Creates the log of one client: `client` names its kind in log lines (`kafka producer`),
    /// `clientId` is its `client.id`, named in the outages it reports.
    init(client: String, clientId: String, logger: Logger) {
        self.client = client
        self.clientId = clientId
        self.logger = logger
        (recoveries, recoveriesContinuation) = AsyncStream.makeStream(of: BrokerOutage.self, bufferingPolicy: .bufferingNewest(16))
    }

    deinit {
        recoveriesContinuation.finish()
    }

    /// Whether `err` says the brokers cannot be reached.
    static func isConnectivity(_ err: rd_kafka_resp_err_t) -> Bool {
        [RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN, RD_KAFKA_RESP_ERR__TRANSPORT, RD_KAFKA_RESP_ERR__RESOLVE].contains(err)
    }

    /// Whether an outage is in progress.
    var isDisconnected: Bool { outageBegan.withLock { $0 != nil } }

    /// Logs the non-fatal `error` of librdkafka code `err`.
    func nonFatal(_ error: KafkaError, err: rd_kafka_resp_err_t) {
        guard Self.isConnectivity(err) else {
            logger.warning("\(client) error", metadata: ["kafka.error": "\(error)"])
            return
        }
        let first = outageBegan.withLock { began in
            defer { began = began ?? Date() }
            return began == nil
        }
        if first {
            logger.warning("\(client): broker unreachable; retrying quietly until it answers", metadata: ["kafka.error": "\(error)"])
        } else {
            logger.debug("\(client): broker still unreachable", metadata: ["kafka.error": "\(error)"])
        }
    }

    /// Notes that the broker answered (a delivery, a fetched message, a metadata probe).
    func answered() {
        let began = outageBegan.withLock { began in
            defer { began = nil }
            return began
        }
        guard let began else { return }
        let outage = BrokerOutage(client: clientId, began: began, ended: Date())
        logger.notice(
            "\(client): broker answers again", metadata: ["kafka.outage.seconds": "\(Int(outage.seconds.rounded()))"])
        recoveriesContinuation.yield(outage)
    }
}
