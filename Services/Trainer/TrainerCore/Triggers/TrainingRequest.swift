import ModelRegistry

/// A decision to train one region's model now, and why.
public struct TrainingRequest: Sendable, Equatable {
    /// The region.
    public var region: String
    /// What triggered it, recorded in the model card.
    public var trigger: TrainingTrigger

    /// Creates a request.
    public init(region: String, trigger: TrainingTrigger) {
        self.region = region
        self.trigger = trigger
    }
}
