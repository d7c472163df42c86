import Foundation
import Schema

/// Builds the ``Schema/FeatureRow`` of a canonical ``Schema/Home``: the preprocessor's step.
///
/// - The label is the home's last sale (``Schema/Home/lastSale``, from its price history, so a
///   home listed again after a sale keeps the sale as its label), else `home.price` of a sold
///   home (``Schema/PriceKind/sold``; version 1 homes have no history), when it passes
///   ``LabelCheck``: the region's currency, positive, a plausible price per square metre. The
///   row's `currency` is then the price's currency. Asking and assessed prices are never
///   labels; a sale that fails the check leaves the row without a label and records the issue.
/// - The label date is the sale's own date when the source gives one, else when the record
///   reporting the sale was fetched, else the home's `normalizedAt`.
/// - The observation date is the label date for a labelled row, else `normalizedAt`; the
///   features are ``Schema/Home/features`` extracted at that date by ``FeatureExtractor``,
///   exactly as the server extracts a request.
/// - `retired` is set when the normalizer announced the home as merged into another;
///   `homeVersion` is the home's ``Schema/Home/version``.
public struct FeatureRowBuilder: Sendable {
    /// The extractor the rows come from.
    public let extractor: FeatureExtractor
    private let labels: LabelCheck

    /// Creates a builder.
    ///
    /// - Parameter settings: The feature settings.
    public init(settings: FeatureSettings) {
        extractor = FeatureExtractor(settings: settings)
        labels = LabelCheck(regions: settings.regions)
    }

    /// The feature row of `home`.
    ///
    /// - Parameters:
    ///   - home: The canonical home.
    ///   - computedAt: When the row is computed.
    /// - Returns: The row and the issues of cleaning and of the label.
    public func build(from home: Home, computedAt: Date) -> BuiltFeatureRow {
        var labelIssues: [FeatureIssue] = []
        var target: Double?
        var labelDate: Date?
        var extracted: ExtractedFeatures?
        if let (price, saleDate) = Self.sale(of: home) {
            let atSale = extractor.extract(home.features, observedAt: saleDate)
            target = labels.target(
                for: price, region: home.region, livingArea: atSale.numeric[FeatureName.livingArea], issues: &labelIssues)
            if target != nil {
                labelDate = saleDate
                extracted = atSale
            }
        }
        let observedAt = labelDate ?? home.normalizedAt
        let features = extracted ?? extractor.extract(home.features, observedAt: observedAt)
        let row = FeatureRow(
            homeId: home.id,
            region: home.region,
            featureSchemaVersion: FeatureSchema.version,
            features: features.numeric,
            categorical: features.categorical,
            target: target,
            currency: target == nil ? nil : home.price?.currency,
            labelDate: labelDate,
            observedAt: observedAt,
            retired: home.retiredInto != nil,
            computedAt: computedAt,
            homeVersion: home.version
        )
        return BuiltFeatureRow(row: row, issues: features.issues + labelIssues)
    }

    /// The sale price and date a row's label comes from, if the home was sold.
    private static func sale(of home: Home) -> (Money, Date)? {
        if let sale = home.lastSale {
            return (sale.price, sale.effectiveDate)
        }
        guard home.priceKind == .sold, let price = home.price else { return nil }
        return (price, home.provenance["price"]?.first(where: \.chosen)?.fetchedAt ?? home.normalizedAt)
    }
}
