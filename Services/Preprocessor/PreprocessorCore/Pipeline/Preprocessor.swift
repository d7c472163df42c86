import Features
import Foundation
import Schema

/// The preprocessor's core: a canonical ``Schema/Home`` in, its ``Schema/FeatureRow`` out.
///
/// Pure CPU work over the shared feature code (``Features/FeatureRowBuilder``, the same steps
/// the server runs on a request). A home of a region without feature settings is rejected;
/// a value the steps set aside (an impossible area, a refused label) only leaves the row
/// without it and is reported with the row's issues. The same home always gives the same row
/// but for its `computedAt`, and rows are keyed by home id, so replays are harmless. A home the
/// normalizer announces as merged into another (``Schema/Home/retiredInto``) gives a `retired`
/// row, so the trainer drops it.
public struct Preprocessor: Sendable {
    /// The settings.
    public let configuration: PreprocessorConfiguration
    private let builder: FeatureRowBuilder
    private let clock: @Sendable () -> Date

    /// Creates the core.
    ///
    /// - Parameters:
    ///   - configuration: The service and feature settings.
    ///   - clock: The time stamped on rows as `computedAt`.
    public init(configuration: PreprocessorConfiguration, clock: @escaping @Sendable () -> Date = Date.init) {
        self.configuration = configuration
        self.clock = clock
        builder = FeatureRowBuilder(settings: configuration.features)
    }

    /// The feature row of `home` and the issues met building it.
    ///
    /// - Throws: ``PreprocessorError/Code/unknownRegion`` (field `region`) when the settings
    ///   know nothing of the home's region.
    public func featureRow(of home: Home) throws(PreprocessorError) -> BuiltFeatureRow {
        guard configuration.features.region(home.region) != nil else {
            throw PreprocessorError(
                .unknownRegion,
                reason: "no feature settings for the region of home \(home.id) (known: \(configuration.features.regions.keys.sorted()))",
                field: "region", input: home.region)
        }
        return builder.build(from: home, computedAt: clock())
    }
}
