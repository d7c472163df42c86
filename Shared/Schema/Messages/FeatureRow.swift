import Foundation

/// The model input computed from one canonical home, before any fitted parameter.
///
/// Published on ``Topic/homesFeatures`` by the preprocessor, keyed by ``homeId``. The values
/// are what the shared feature steps (`Shared/Features`) compute from a home alone: cleaned
/// and derived numbers in ``features`` and category terms in ``categorical``. A value the
/// home does not have is absent (never imputed here): imputation values, category levels and
/// outlier bounds are fitted by the trainer and stored inside the model, so the server turns
/// a request into exactly the model input the trainer saw. ``featureSchemaVersion`` names the
/// feature set; a model records it and the server refuses rows of another version.
///
/// Version 2 added ``categorical``, ``currency``, ``labelDate``, ``observedAt`` and
/// ``retired`` and changed ``target`` from US dollars to the region's own currency. A version 1
/// message still decodes: it has no categorical part, and its US-dollar target is dropped
/// (a model of one region is never trained on a converted price).
public struct FeatureRow: SchemaMessage {
    /// Version 2.
    public static let currentSchemaVersion = 2

    /// ``Topic/homesFeatures``.
    public static let topic = Topic.homesFeatures

    /// The schema version the producer wrote.
    public var schemaVersion: Int

    /// The id of the home the row was computed from.
    public var homeId: String

    /// The market region, an ISO 3166-1 alpha-2 code.
    public var region: String

    /// The version of the feature pipeline that computed the values.
    public var featureSchemaVersion: Int

    /// Numeric feature values by feature name, for example `["livingArea": 142, "age": 34]`;
    /// every value is finite, and a value the home does not have is absent.
    public var features: [String: Double]

    /// Categorical feature values by feature name, for example `["propertyType": "condo"]`;
    /// a value the home does not have is absent.
    public var categorical: [String: String]

    /// The training label: the price the home sold for, in ``currency``, when it has one.
    /// Asking prices are never labels.
    public var target: Double?

    /// The ISO 4217 currency of ``target``: the region's own currency.
    public var currency: String?

    /// When the home sold for ``target``; training splits by it (the newest sales validate).
    public var labelDate: Date?

    /// The date the features were evaluated at (for example "age" is years before it): the
    /// sale date for a sold home, otherwise when the home was last normalized.
    public var observedAt: Date?

    /// Whether the home no longer exists on its own (merged into another): consumers drop it.
    public var retired: Bool

    /// When the row was computed.
    public var computedAt: Date

    /// The ``Home/version`` the row was computed from: a reader keeps the row of the newest
    /// version of a home (``SchemaMessage/replaces(_:)``). `nil` for rows of unnumbered homes.
    public var homeVersion: Int?

    /// The home id.
    public var key: String { homeId }

    /// ``homeVersion``.
    public var entityVersion: Int? { homeVersion }

    /// Creates a feature row.
    ///
    /// - Parameters:
    ///   - homeId: The id of the home.
    ///   - region: The market region.
    ///   - featureSchemaVersion: The version of the feature pipeline.
    ///   - features: Numeric feature values by name.
    ///   - categorical: Categorical feature values by name.
    ///   - target: The sale price in `currency`, when known.
    ///   - currency: The currency of `target`.
    ///   - labelDate: When the home sold for `target`.
    ///   - observedAt: The date the features were evaluated at.
    ///   - retired: Whether the home was merged into another.
    ///   - computedAt: When the row was computed.
    ///   - homeVersion: The version of the home the row was computed from.
    ///   - schemaVersion: The schema version; defaults to the current one.
    public init(
        homeId: String,
        region: String,
        featureSchemaVersion: Int,
        features: [String: Double],
        categorical: [String: String] = [:],
        target: Double? = nil,
        currency: String? = nil,
        labelDate: Date? = nil,
        observedAt: Date? = nil,
        retired: Bool = false,
        computedAt: Date,
        homeVersion: Int? = nil,
        schemaVersion: Int = FeatureRow.currentSchemaVersion
    ) {
        self.schemaVersion = schemaVersion
        self.homeId = homeId
        self.region = region
        self.featureSchemaVersion = featureSchemaVersion
        self.features = features
        self.categorical = categorical
        self.target = target
        self.currency = currency
        self.labelDate = labelDate
        self.observedAt = observedAt
        self.retired = retired
        self.computedAt = computedAt
        self.homeVersion = homeVersion
    }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, homeId, region, featureSchemaVersion, features, categorical, target, currency, labelDate,
            observedAt, retired, computedAt, homeVersion
    }

    /// Decodes a row of version 1 or 2 (see the type's documentation for version 1).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        homeId = try container.decode(String.self, forKey: .homeId)
        region = try container.decode(String.self, forKey: .region)
        featureSchemaVersion = try container.decode(Int.self, forKey: .featureSchemaVersion)
        features = try container.decode([String: Double].self, forKey: .features)
        computedAt = try container.decode(Date.self, forKey: .computedAt)
        homeVersion = try container.decodeIfPresent(Int.self, forKey: .homeVersion)
        if schemaVersion < 2 {
            categorical = [:]
            target = nil
            currency = nil
            labelDate = nil
            observedAt = nil
            retired = false
        } else {
            categorical = try container.decodeIfPresent([String: String].self, forKey: .categorical) ?? [:]
            target = try container.decodeIfPresent(Double.self, forKey: .target)
            currency = try container.decodeIfPresent(String.self, forKey: .currency)
            labelDate = try container.decodeIfPresent(Date.self, forKey: .labelDate)
            observedAt = try container.decodeIfPresent(Date.self, forKey: .observedAt)
            retired = try container.decodeIfPresent(Bool.self, forKey: .retired) ?? false
        }
    }
}
