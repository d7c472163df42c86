import Schema

/// The categorical step: the category values of a home as text, never as numeric codes
/// (codes are fitted, see ``FittedFeatureParameters``).
///
/// Stateless. ``FeatureName/city``, ``FeatureName/heating`` and ``FeatureName/cooling`` are
/// folded with ``TextFolding``; ``FeatureName/region`` is upper case;
/// ``FeatureName/postalPrefix`` keeps the region's configured number of characters
/// (``PostalPrefix``); ``FeatureName/propertyType`` is the canonical term. A region without
/// settings has no postal prefix and is recorded as ``FeatureIssue/Reason/unknownRegion``.
public struct CategoricalTerms: Sendable {
    /// The settings of each region, by upper-case code.
    public var regions: [String: RegionFeatureSettings]

    /// Creates the step.
    ///
    /// - Parameter regions: The settings of each region, by upper-case code.
    public init(regions: [String: RegionFeatureSettings]) {
        self.regions = regions
    }

    /// The category values of `features`, by ``FeatureName``; a value the home does not have
    /// is absent.
    ///
    /// - Parameters:
    ///   - features: The home.
    ///   - issues: Receives the issues of the region and the postal code.
    public func terms(of features: HomeFeatures, issues: inout [FeatureIssue]) -> [String: String] {
        var terms: [String: String] = [:]
        let region = RegionCode.normalized(features.region)
        if !region.isEmpty { terms[FeatureName.region] = region }
        terms[FeatureName.propertyType] = features.propertyType?.rawValue
        terms[FeatureName.city] = features.city.flatMap(TextFolding.fold)
        terms[FeatureName.heating] = features.heating.flatMap(TextFolding.fold)
        terms[FeatureName.cooling] = features.cooling.flatMap(TextFolding.fold)
        guard let settings = regions[region] else {
            issues.append(FeatureIssue(field: "region", reason: .unknownRegion, value: features.region))
            return terms
        }
        if let code = features.postalCode {
            terms[FeatureName.postalPrefix] = PostalPrefix.prefix(of: code, length: settings.postalPrefixLength, issues: &issues)
        }
        return terms
    }
}
