import Schema

/// The label-side sanity check: whether a sale price may train a model of its region.
///
/// Stateless. A label must be in the region's own currency (targets are never converted),
/// finite and positive, and, when the living area is known, its price per square metre must
/// lie in the region's configured range. Price per square metre is only this check, never a
/// model input. Without a living area only the first three conditions apply.
public struct LabelCheck: Sendable {
    /// The settings of each region, by upper-case code.
    public var regions: [String: RegionFeatureSettings]

    /// Creates the step.
    ///
    /// - Parameter regions: The settings of each region, by upper-case code.
    public init(regions: [String: RegionFeatureSettings]) {
        self.regions = regions
    }

    /// The target for a sale at `price`, or `nil` with an issue (field `price`) when it is
    /// not a usable label.
    ///
    /// - Parameters:
    ///   - price: The sale price.
    ///   - region: The home's region.
    ///   - livingArea: The cleaned living area in square metres, if known.
    ///   - issues: Receives the reason a price is not a label.
    public func target(
        for price: Money, region: String, livingArea: Double?, issues: inout [FeatureIssue]
    ) -> Double? {
        let reason: FeatureIssue.Reason?
        if let settings = regions[RegionCode.normalized(region)] {
            if price.currency != settings.currency {
                reason = .notInRegionCurrency
            } else if !price.amount.isFinite {
                reason = .notFinite
            } else if price.amount <= 0 {
                reason = .notPositive
            } else if let livingArea, !settings.pricePerSquareMetre.contains(price.amount / livingArea) {
                reason = .implausiblePricePerSquareMetre
            } else {
                reason = nil
            }
        } else {
            reason = .unknownRegion
        }
        guard let reason else { return price.amount }
        issues.append(FeatureIssue(field: "price", reason: reason, value: "\(price.amount) \(price.currency)"))
        return nil
    }
}
