/// One value the feature steps set aside: the field, why, and the value as given.
///
/// The value becomes missing (or the label is not used); the home is still processed. The
/// preprocessor counts issues for monitoring and the server may report them with a prediction.
public struct FeatureIssue: Codable, Sendable, Equatable, CustomStringConvertible {
    /// Why a value was set aside. The raw values are stable codes; never rename one.
    public enum Reason: String, Codable, Sendable, Equatable, CaseIterable {
        /// NaN or infinite.
        case notFinite
        /// A count below zero.
        case negative
        /// Below the configured minimum (an area, a construction year).
        case belowMinimum
        /// Above the configured maximum.
        case aboveMaximum
        /// A construction year later than the observation allows.
        case afterObservation
        /// Outside the range the quantity is defined on (a month, a latitude).
        case outOfRange
        /// A postal code with characters other than letters, digits, spaces and hyphens.
        case malformed
        /// A postal code shorter than the region's prefix.
        case tooShort
        /// A region without feature settings (no currency, no postal prefix length).
        case unknownRegion
        /// A sale price that is zero or negative.
        case notPositive
        /// A sale price in another currency than the region's; targets are never converted.
        case notInRegionCurrency
        /// A sale price per square metre of living area outside the region's plausible range.
        case implausiblePricePerSquareMetre
    }

    /// The input field, for example `livingArea`, `coordinates.latitude` or `price`.
    public var field: String
    /// Why the value was set aside.
    public var reason: Reason
    /// The value as given, as text.
    public var value: String

    /// Creates an issue.
    ///
    /// - Parameters:
    ///   - field: The input field.
    ///   - reason: Why the value was set aside.
    ///   - value: The value as given, as text.
    public init(field: String, reason: Reason, value: String) {
        self.field = field
        self.reason = reason
        self.value = value
    }

    /// `field: reason (value)`.
    public var description: String { "\(field): \(reason.rawValue) (\(value))" }
}
