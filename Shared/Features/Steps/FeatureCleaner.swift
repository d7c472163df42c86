import Schema

/// The cleaning step: impossible values become missing, each with a recorded issue.
///
/// Stateless: the same home and observation year always give the same result. What counts as
/// impossible comes from ``CleaningBounds``; by definition a value must also be finite, a
/// count not negative, a month within 1–12 and a position within ±90° latitude and ±180°
/// longitude (an invalid coordinate drops both). A build month without a build year is kept,
/// but no feature uses it alone. Text fields pass through unchanged.
public struct FeatureCleaner: Sendable {
    /// The configured limits.
    public var bounds: CleaningBounds

    /// Creates the step.
    ///
    /// - Parameter bounds: The configured limits.
    public init(bounds: CleaningBounds) {
        self.bounds = bounds
    }

    /// `features` with every impossible value removed.
    ///
    /// - Parameters:
    ///   - features: The home as given.
    ///   - observedYear: The UTC year of the observation; a construction year more than
    ///     ``CleaningBounds/maxBuiltYearsAhead`` after it is impossible.
    ///   - issues: Receives one issue per removed value.
    /// - Returns: The cleaned features.
    public func clean(_ features: HomeFeatures, observedYear: Int, issues: inout [FeatureIssue]) -> HomeFeatures {
        var cleaned = features
        cleaned.livingArea = area(features.livingArea, "livingArea", bounds.minLivingArea, bounds.maxLivingArea, &issues)
        cleaned.lotArea = area(features.lotArea, "lotArea", bounds.minLotArea, bounds.maxLotArea, &issues)
        cleaned.rooms = fractionalCount(features.rooms, "rooms", Double(bounds.maxRooms), &issues)
        cleaned.bedrooms = count(features.bedrooms, "bedrooms", bounds.maxBedrooms, &issues)
        cleaned.garageSpaces = count(features.garageSpaces, "garageSpaces", bounds.maxGarageSpaces, &issues)
        cleaned.bathrooms = fractionalCount(features.bathrooms, "bathrooms", bounds.maxBathrooms, &issues)
        cleaned.builtYear = builtYear(features.builtYear, observedYear: observedYear, &issues)
        cleaned.builtMonth = builtMonth(features.builtMonth, &issues)
        cleaned.coordinates = coordinates(features.coordinates, &issues)
        return cleaned
    }

    private func area(
        _ value: Double?, _ field: String, _ minimum: Double, _ maximum: Double, _ issues: inout [FeatureIssue]
    ) -> Double? {
        guard let value else { return nil }
        let reason: FeatureIssue.Reason? =
            !value.isFinite ? .notFinite : value < minimum ? .belowMinimum : value > maximum ? .aboveMaximum : nil
        return keep(value, field, reason, &issues)
    }

    private func count(_ value: Int?, _ field: String, _ maximum: Int, _ issues: inout [FeatureIssue]) -> Int? {
        guard let value else { return nil }
        let reason: FeatureIssue.Reason? = value < 0 ? .negative : value > maximum ? .aboveMaximum : nil
        return keep(value, field, reason, &issues)
    }

    /// A count that may be fractional: half bathrooms, German half rooms.
    private func fractionalCount(_ value: Double?, _ field: String, _ maximum: Double, _ issues: inout [FeatureIssue]) -> Double? {
        guard let value else { return nil }
        let reason: FeatureIssue.Reason? =
            !value.isFinite ? .notFinite : value < 0 ? .negative : value > maximum ? .aboveMaximum : nil
        return keep(value, field, reason, &issues)
    }

    private func builtYear(_ value: Int?, observedYear: Int, _ issues: inout [FeatureIssue]) -> Int? {
        guard let value else { return nil }
        let latest = observedYear.addingReportingOverflow(bounds.maxBuiltYearsAhead)
        let reason: FeatureIssue.Reason? =
            value < bounds.minBuiltYear ? .belowMinimum : !latest.overflow && value > latest.partialValue ? .afterObservation : nil
        return keep(value, "builtYear", reason, &issues)
    }

    private func builtMonth(_ value: Int?, _ issues: inout [FeatureIssue]) -> Int? {
        guard let value else { return nil }
        return keep(value, "builtMonth", (1...12).contains(value) ? nil : .outOfRange, &issues)
    }

    private func coordinates(_ value: Coordinates?, _ issues: inout [FeatureIssue]) -> Coordinates? {
        guard let value else { return nil }
        for (field, degrees, limit) in [("latitude", value.latitude, 90.0), ("longitude", value.longitude, 180.0)] {
            let reason: FeatureIssue.Reason? = !degrees.isFinite ? .notFinite : abs(degrees) > limit ? .outOfRange : nil
            if let reason {
                issues.append(FeatureIssue(field: "coordinates.\(field)", reason: reason, value: "\(degrees)"))
                return nil
            }
        }
        return value
    }

    /// `value`, or `nil` with an issue when `reason` says why it is impossible.
    private func keep<Value>(
        _ value: Value, _ field: String, _ reason: FeatureIssue.Reason?, _ issues: inout [FeatureIssue]
    ) -> Value? {
        guard let reason else { return value }
        issues.append(FeatureIssue(field: field, reason: reason, value: "\(value)"))
        return nil
    }
}
