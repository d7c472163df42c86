import Features
import Foundation
import ML

/// A trained model ready to be judged: the model (fitted feature parameters attached), its
/// file's bytes, and what the card needs.
public struct TrainedCandidate: Sendable {
    /// The model.
    public var model: PriceModel
    /// The model file, exactly as it is stored.
    public var file: Data
    /// The fitted feature parameters (also inside the model).
    public var parameters: FittedFeatureParameters
    /// The training rows as the model saw them (for the card's training reference).
    public var trainingData: Dataset
    /// The validation rows as the model saw them.
    public var validationData: Dataset
    /// The wall time of the run (recorded in the card, not in the file).
    public var trainingSeconds: Double
}
