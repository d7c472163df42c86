import Foundation
import ModelRegistry

/// What `models show` tells of a version's model card: where the data came from, what the
/// model computes, how well it does overall and per segment, and how it compared with the
/// champion. The fitted parameters and training distributions stay in the card.
struct ModelCardSummary: Encodable, Sendable, Equatable {
    /// The market region.
    var region: String
    /// The currency of predictions and money metrics.
    var currency: String
    /// The learning algorithm.
    var algorithm: String
    /// When the card was written.
    var createdAt: Date
    /// What started the training run.
    var trigger: TrainingTrigger
    /// The label dates of the rows used.
    var dataWindow: DataWindow
    /// The training and validation row counts.
    var rows: RowCounts
    /// The model inputs' names, in the model's order.
    var features: [String]
    /// The validation metrics overall and per segment.
    var metrics: SegmentedMetrics
    /// The validation gate's comparison with the champion and its verdict.
    var championComparison: ChampionComparison
    /// Wall-clock training time.
    var trainingSeconds: Double

    /// The summary of `card`.
    init(_ card: ModelCard) {
        region = card.region
        currency = card.currency
        algorithm = card.algorithm
        createdAt = card.createdAt
        trigger = card.trigger
        dataWindow = card.dataWindow
        rows = card.rows
        features = card.features.map(\.name)
        metrics = card.metrics
        championComparison = card.championComparison
        trainingSeconds = card.trainingSeconds
    }
}
