import Foundation
import Kafka
import Logging
import Metrics
import Pipeline
import Schema
import Synchronization

/// The monitor's batch transform: decodes each message by its topic, feeds the ``Monitor``
/// core, and returns the events and commands it produced for the ``Pipeline/BatchProcessor``
/// to publish. A message that does not decode is a failed outcome (dead-lettered), never a stop.
public final class MonitorHandler: BatchHandler {
    private let monitor: Mutex<Monitor>
    private let champions: ChampionSource?
    private let handled = Mutex(0)
    /// Encoding, binning and measuring a batch is CPU work: it runs here, off the cooperative pool.
    private let executor = BlockingExecutor(label: "homeprice.monitor.core")
    private let logger: Logger

    /// A handler over `monitor` (a fresh core, or one with champions installed for a benchmark)
    /// that installs the champions `champions` finds before each batch.
    public init(monitor: Monitor, champions: ChampionSource?, logger: Logger) {
        self.monitor = Mutex(monitor)
        self.champions = champions
        self.logger = logger
    }

    /// A copy of the core's state, for the dashboard.
    public var snapshot: Monitor { monitor.withLock { $0 } }

    /// The number of messages handled so far.
    public var handledMessages: Int { handled.withLock { $0 } }

    /// Installs changed champions, then handles every message in order.
    public func handle(_ batch: [KafkaConsumerMessage]) async throws -> [MessageOutcome] {
        let (installed, failures) = try await champions?.changedChampions() ?? ([], [])
        for failure in failures {
            logger.error("champion card unusable", metadata: ["error": "\(failure)"])
        }
        let outcomes = try await executor.run {
            self.monitor.withLock { monitor in
                for champion in installed { monitor.install(champion) }
                let outcomes = batch.map { message in Self.handle(message, monitor: &monitor) }
                MonitorMetrics.update(from: monitor)
                return outcomes
            }
        }
        handled.withLock { $0 += batch.count }
        return outcomes
    }

    private static func handle(_ message: KafkaConsumerMessage, monitor: inout Monitor) -> MessageOutcome {
        do {
            let data = Data(message.value)
            switch message.topic {
            case Topic.homesFeatures.name: return .produced(monitor.observe(try FeatureRow.decode(from: data)))
            case Topic.predictions.name: return .produced(monitor.observe(try Prediction.decode(from: data)))
            case Topic.feedback.name: return .produced(monitor.observe(try Feedback.decode(from: data)))
            case Topic.homesRaw.name:
                guard let key = message.keyString, let slash = key.firstIndex(of: "/") else {
                    return .failed([FailureReason(field: "key", code: "monitor.rawKey", message: "a raw record's key is source/recordId")])
                }
                monitor.observeRawRecord(source: String(key[..<slash]), at: message.timestamp)
                return .produced([])
            case Topic.pipelineMonitoring.name:
                monitor.observe(try MonitoringEvent.decode(from: data))
                return .produced([])
            case Topic.homesDeadLetter.name:
                monitor.observe(try DeadLetter.decode(from: data))
                return .produced([])
            default:
                return .failed([FailureReason(code: "monitor.unexpectedTopic", message: "the monitor does not read \(message.topic)")])
            }
        } catch {
            return .failed(FailureReason.reasons(for: error))
        }
    }
}
