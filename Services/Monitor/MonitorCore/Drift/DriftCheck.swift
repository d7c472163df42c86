/// The outcome of one periodic check of a region's features or predictions.
public struct DriftCheck: Sendable, Equatable {
    /// What was checked.
    public enum Subject: String, Sendable, Equatable {
        /// The model inputs of `homes.features`.
        case features
        /// The predicted prices of `predictions`.
        case predictions
    }

    /// The market region.
    public var region: String
    /// The champion the reference came from.
    public var modelName: String
    /// Its version.
    public var version: String
    /// Features or predictions.
    public var subject: Subject
    /// Every feature's measurement.
    public var measurements: [DriftMeasurement]
    /// The features whose alert this check raised (sustained significant drift).
    public var raised: [String]
    /// The features whose alert this check cleared (back to stable).
    public var cleared: [String]
}
