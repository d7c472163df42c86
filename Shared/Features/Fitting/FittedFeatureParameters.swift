import ML

/// What the trainer fits on its training window and stores inside the model file: the
/// feature order, category levels, imputation values, outlier bounds and scaling, plus the
/// settings the features were extracted with.
///
/// The server reads them back from the model (``init(from:)``), so it encodes a request
/// exactly as the trainer encoded its rows. Fit them with ``fit(rows:settings:)``.
public struct FittedFeatureParameters: Codable, Sendable, Equatable {
    /// The level rare category values fold into.
    public static let otherLevel = "other"

    /// The ``FeatureSchema/version`` of the feature code that computed the training rows.
    public var featureSchemaVersion: Int
    /// The settings of the extraction and the fit; the serving path extracts with them.
    public var settings: FeatureSettings
    /// How many rows the parameters were fitted on.
    public var trainingRows: Int
    /// The numeric features, sorted by name: the first model inputs.
    public var numeric: [NumericFeatureParameters]
    /// The categorical features, sorted by name: the model inputs after the numeric ones.
    public var categorical: [CategoricalFeatureParameters]
    /// The imputation of missing inputs from neighbouring training homes, applied before
    /// encoding; nil when the model was trained without (missing inputs stay missing).
    public var imputation: ImputationParameters?

    /// Creates parameters.
    ///
    /// - Parameters:
    ///   - featureSchemaVersion: The feature-set version of the training rows.
    ///   - settings: The settings of the extraction and the fit.
    ///   - trainingRows: The number of rows fitted on.
    ///   - numeric: The numeric features in input order.
    ///   - categorical: The categorical features in input order.
    ///   - imputation: The fitted imputation, or nil for none.
    public init(
        featureSchemaVersion: Int,
        settings: FeatureSettings,
        trainingRows: Int,
        numeric: [NumericFeatureParameters],
        categorical: [CategoricalFeatureParameters],
        imputation: ImputationParameters? = nil
    ) {
        self.featureSchemaVersion = featureSchemaVersion
        self.settings = settings
        self.trainingRows = trainingRows
        self.numeric = numeric
        self.categorical = categorical
        self.imputation = imputation
    }

    /// The model inputs in order: numeric names, then categorical names.
    public var featureNames: [String] {
        numeric.map(\.name) + categorical.map(\.name)
    }

    /// The model inputs as the engine describes them, categorical ones with their levels.
    public var featureInfos: [FeatureInfo] {
        numeric.map { .numeric($0.name) } + categorical.map { .categorical($0.name, levels: $0.levels) }
    }
}
