import Foundation

/// The numeric model input computed from one canonical home.
///
/// Published on ``Topic/homesFeatures`` by the preprocessor, keyed by ``homeId``. The set of
/// feature names and their meaning is fixed by ``featureSchemaVersion``, which a model
/// records at training time so the server can refuse incompatible rows.
public struct FeatureRow: SchemaMessage {
    /// Version 1.
    public static let currentSchemaVersion = 1

    /// ``Topic/homesFeatures``.
    public static let topic = Topic.homesFeatures

    /// The schema version the producer wrote.
    public var schemaVersion: Int

    /// The id of the home the row was computed from.
    public var homeId: String

    /// The market region, an ISO 3166-1 alpha-2 code.
    public var region: String

    /// The version of the feature pipeline that computed ``features``.
    public var featureSchemaVersion: Int

    /// Feature values by feature name, for example `["livingArea": 142, "age": 34]`;
    /// every value is finite (missing values are imputed upstream).
    public var features: [String: Double]

    /// The training target: the home's price in US dollars, when it has one.
    public var target: Double?

    /// When the row was computed.
    public var computedAt: Date

    /// The home id.
    public var key: String { homeId }

    /// Creates a feature row.
    ///
    /// - Parameters:
    ///   - homeId: The id of the home.
    ///   - region: The market region.
    ///   - featureSchemaVersion: The version of the feature pipeline.
    ///   - features: Feature values by name.
    ///   - target: The price in US dollars, when known.
    ///   - computedAt: When the row was computed.
    ///   - schemaVersion: The schema version; defaults to the current one.
    public init(
        homeId: String,
        region: String,
        featureSchemaVersion: Int,
        features: [String: Double],
        target: Double? = nil,
        computedAt: Date,
        schemaVersion: Int = FeatureRow.currentSchemaVersion
    ) {
        self.schemaVersion = schemaVersion
        self.homeId = homeId
        self.region = region
        self.featureSchemaVersion = featureSchemaVersion
        self.features = features
        self.target = target
        self.computedAt = computedAt
    }
}
