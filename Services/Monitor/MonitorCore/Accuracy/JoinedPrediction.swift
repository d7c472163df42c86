import Foundation
import Schema

/// A served prediction with the price the home actually sold for.
public struct JoinedPrediction: Sendable, Equatable {
    /// The prediction id.
    public var predictionId: String
    /// The market region.
    public var region: String
    /// The model that predicted.
    public var modelName: String
    /// Its version.
    public var modelVersion: String
    /// The A/B arm.
    public var arm: ExperimentArm
    /// The predicted price.
    public var predicted: Double
    /// The sale price.
    public var actual: Double
    /// When the sale price was reported.
    public var at: Date

    /// The absolute error, in the region's currency.
    public var absoluteError: Double { abs(predicted - actual) }

    /// The absolute percentage error as a fraction (0.08 is 8 %); `nil` for a sale price of 0.
    public var absolutePercentageError: Double? { actual == 0 ? nil : abs(predicted - actual) / abs(actual) }
}
