import Foundation
import Kafka
import Logging
import Metrics
import Pipeline
import Schema

/// The preprocessor's transform for the shared ``Pipeline/BatchProcessor``: messages of
/// `homes.normalized` in, one ``Schema/FeatureRow`` per home out, keyed by home id.
///
/// A message that is not a readable ``Schema/Home`` (garbage, a missing field, a newer schema
/// version) fails with the schema's reasons, and a home of an unknown region with
/// `preprocessor.unknownRegion` naming the field `region`; the processor dead-letters both
/// (stage `preprocessing`) and goes on. Values the feature steps set aside do not reject the
/// home: they are counted (``PreprocessorMetrics``) and logged at debug level. The work is
/// pure computation, done inline.
public struct PreprocessorBatchHandler: BatchHandler {
    private let messages: PerMessageHandler

    /// Creates the handler around `preprocessor`.
    ///
    /// - Parameters:
    ///   - preprocessor: The core.
    ///   - logger: The service's logger.
    ///   - metrics: Where the row and issue counters live; the process's bootstrapped factory
    ///     by default.
    public init(preprocessor: Preprocessor, logger: Logger, metrics: any MetricsFactory = MetricsSystem.factory) {
        let counters = PreprocessorMetrics(factory: metrics)
        messages = PerMessageHandler { message in
            let home = try Home.decode(from: Data(message.value))
            let built = try preprocessor.featureRow(of: home)
            counters.record(built)
            if !built.issues.isEmpty {
                logger.debug(
                    "feature values set aside",
                    metadata: ["home.id": "\(home.id)", "kafka.position": "\(message.position)", "issues": "\(built.issues)"])
            }
            return [built.row]
        }
    }

    /// Turns every message of `batch` into its feature row or its failure reasons, in order.
    public func handle(_ batch: [KafkaConsumerMessage]) async throws -> [MessageOutcome] {
        try await messages.handle(batch)
    }
}
