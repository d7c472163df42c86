/// The fitted parameters of one numeric feature.
public struct NumericFeatureParameters: Codable, Sendable, Equatable {
    /// The feature's name.
    public var name: String
    /// The imputation value: the median of the training values.
    public var median: Double
    /// Values below are clipped up to it: the lower outlier quantile of the training values.
    public var lowerBound: Double
    /// Values above are clipped down to it: the upper outlier quantile of the training values.
    public var upperBound: Double
    /// The mean after clipping and imputation, for the linear baseline's scaling.
    public var mean: Double
    /// The standard deviation after clipping and imputation (1 when the values are constant).
    public var standardDeviation: Double
    /// How many training rows had a value.
    public var presentCount: Int
    /// How many training values lay outside the bounds and were clipped.
    public var outlierCount: Int

    /// Creates the parameters of a numeric feature.
    ///
    /// - Parameters:
    ///   - name: The feature's name.
    ///   - median: The imputation value.
    ///   - lowerBound: The lower clipping bound.
    ///   - upperBound: The upper clipping bound.
    ///   - mean: The mean for scaling.
    ///   - standardDeviation: The standard deviation for scaling.
    ///   - presentCount: The training rows with a value.
    ///   - outlierCount: The training values clipped.
    public init(
        name: String,
        median: Double,
        lowerBound: Double,
        upperBound: Double,
        mean: Double,
        standardDeviation: Double,
        presentCount: Int,
        outlierCount: Int
    ) {
        self.name = name
        self.median = median
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.presentCount = presentCount
        self.outlierCount = outlierCount
    }

    /// `value` clipped to the bounds; NaN for a missing or non-finite value (the trees handle
    /// missing values themselves).
    public func clipped(_ value: Double?) -> Double {
        guard let value, value.isFinite else { return .nan }
        return min(max(value, lowerBound), upperBound)
    }

    /// `value` clipped, or the median clipped when it is missing or non-finite.
    public func imputed(_ value: Double?) -> Double {
        let clipped = clipped(value)
        return clipped.isNaN ? self.clipped(median) : clipped
    }

    /// `value` imputed and standardised with ``mean`` and ``standardDeviation``.
    public func scaled(_ value: Double?) -> Double {
        (imputed(value) - mean) / standardDeviation
    }

    /// Whether `value` lies outside the bounds (and is clipped).
    public func isOutlier(_ value: Double) -> Bool {
        value < lowerBound || value > upperBound
    }
}
