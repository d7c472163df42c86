import Configuration
import Schema

/// The settings of one stream stage's ``BatchProcessor``, from the `pipeline.` keys of
/// `configs/pipeline.yaml` (environment overrides such as `PIPELINE_BATCH_SIZE`).
public struct BatchSettings: Sendable, Equatable {
    /// The stage, named in dead letters.
    public var stage: PipelineStage
    /// The service instance, named in dead letters and monitoring events.
    public var service: String
    /// Most messages per batch: large enough to amortise the delivery round trip, small enough
    /// that a batch finishes quickly on shutdown.
    public var batchSize: Int
    /// How large dead letters may grow.
    public var deadLetters: DeadLetterPolicy

    /// Creates settings.
    public init(stage: PipelineStage, service: String, batchSize: Int, deadLetters: DeadLetterPolicy) {
        self.stage = stage
        self.service = service
        self.batchSize = max(1, batchSize)
        self.deadLetters = deadLetters
    }

    /// Reads `pipeline.deadLetters.*` and the batch size for `stage` run as `service`: the
    /// stage's own `pipeline.stages.<stage>.batchSize` (`PIPELINE_STAGES_NORMALIZATION_BATCH_SIZE`)
    /// when set, else `pipeline.batchSize`.
    public init(reader: ConfigReader, stage: PipelineStage, service: String) {
        let pipeline = reader.scoped(to: "pipeline")
        let letters = pipeline.scoped(to: "deadLetters")
        let shared = pipeline.int(forKey: "batchSize", default: 500)
        self.init(
            stage: stage,
            service: service,
            batchSize: pipeline.scoped(to: "stages").scoped(to: ConfigKey(stage.rawValue)).int(forKey: "batchSize", default: shared),
            deadLetters: DeadLetterPolicy(reader: letters)
        )
    }
}
