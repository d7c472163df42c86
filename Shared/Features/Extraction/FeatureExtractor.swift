import Foundation
import Schema

/// The stateless feature steps composed: cleaning, derived numeric features and category
/// terms, the one code the preprocessor (through ``FeatureRowBuilder``) and the server
/// (through ``ServingFeatures``) run.
public struct FeatureExtractor: Sendable {
    /// The settings the steps use.
    public let settings: FeatureSettings
    private let cleaner: FeatureCleaner
    private let categorical: CategoricalTerms

    /// Creates the extractor.
    ///
    /// - Parameter settings: The settings the steps use.
    public init(settings: FeatureSettings) {
        self.settings = settings
        cleaner = FeatureCleaner(bounds: settings.cleaning)
        categorical = CategoricalTerms(regions: settings.regions)
    }

    /// The features of `features` as observed at `observedAt` (years and months in UTC).
    ///
    /// - Parameters:
    ///   - features: The home as given by a client or by ``Schema/Home/features``.
    ///   - observedAt: The date the features are evaluated at: the sale date of a sold home,
    ///     otherwise the time of the request or of the normalization.
    /// - Returns: Numeric and categorical values and the issues of cleaning.
    public func extract(_ features: HomeFeatures, observedAt: Date) -> ExtractedFeatures {
        let observation = Observation(observedAt)
        var issues: [FeatureIssue] = []
        let cleaned = cleaner.clean(features, observedYear: observation.year, issues: &issues)
        let numeric = NumericDerivation.values(of: cleaned, at: observation)
        let terms = categorical.terms(of: cleaned, issues: &issues)
        return ExtractedFeatures(numeric: numeric, categorical: terms, issues: issues)
    }
}
