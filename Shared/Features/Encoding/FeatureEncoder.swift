import ML
import Schema

/// Turns extracted features into model inputs with fitted parameters: the one encoding the
/// trainer (whole data sets) and the server (one request) run.
///
/// Inputs follow ``FittedFeatureParameters/featureNames``. For the trees a numeric value is
/// clipped to its outlier bounds and a missing one stays NaN (the engine routes missing
/// values itself); a categorical value becomes its level's code as a `Double`, a value folded
/// in training becomes the code of ``FittedFeatureParameters/otherLevel``, and a value never
/// seen in training is missing (NaN). The linear baseline's inputs are clipped, imputed with
/// the median and standardised; its categorical inputs are the same level codes, which
/// ``ML/RidgeRegression`` expands into one 0/1 column per level (a missing or unseen value
/// sets none). Before either, a model fitted with imputation fills missing inputs from
/// neighbouring training homes (``NeighbourImputer``).
public struct FeatureEncoder: Sendable {
    /// The fitted parameters.
    public let parameters: FittedFeatureParameters
    /// Per categorical feature, the code of each known value (levels and folded values).
    private let codes: [[String: Double]]
    /// The imputation of missing inputs, when the parameters have one.
    private let imputer: NeighbourImputer?

    /// Creates an encoder.
    ///
    /// - Parameter parameters: The fitted parameters.
    public init(parameters: FittedFeatureParameters) {
        self.parameters = parameters
        imputer = parameters.imputation.map(NeighbourImputer.init(parameters:))
        codes = parameters.categorical.map { feature in
            var codes: [String: Double] = [:]
            for (index, level) in feature.levels.enumerated() { codes[level] = Double(index) }
            if let other = codes[FittedFeatureParameters.otherLevel] {
                for value in feature.foldedValues { codes[value] = other }
            }
            return codes
        }
    }

    /// The model inputs as the engine describes them.
    public var features: [FeatureInfo] { parameters.featureInfos }

    /// The tree model's input for one row: imputed, clipped numbers (NaN when still missing),
    /// then level codes (NaN when missing or unseen).
    ///
    /// - Parameters:
    ///   - numeric: Numeric features by name, as in ``Schema/FeatureRow/features``.
    ///   - categorical: Categorical features by name, as in ``Schema/FeatureRow/categorical``.
    public func modelInput(numeric: [String: Double], categorical: [String: String]) -> [Double] {
        let (numeric, categorical) = imputed(numeric: numeric, categorical: categorical)
        return parameters.numeric.map { $0.clipped(numeric[$0.name]) } + levelCodes(categorical)
    }

    /// The linear baseline's input for one row: numbers imputed from neighbours, clipped,
    /// imputed with the median and standardised, then level codes (NaN when missing or unseen).
    ///
    /// - Parameters:
    ///   - numeric: Numeric features by name.
    ///   - categorical: Categorical features by name.
    public func linearInput(numeric: [String: Double], categorical: [String: String]) -> [Double] {
        let (numeric, categorical) = imputed(numeric: numeric, categorical: categorical)
        return parameters.numeric.map { $0.scaled(numeric[$0.name]) } + levelCodes(categorical)
    }

    /// `numeric` and `categorical` with missing inputs filled by the model's imputation, or as
    /// given when it has none.
    ///
    /// - Parameters:
    ///   - numeric: Numeric features by name.
    ///   - categorical: Categorical features by name.
    public func imputed(
        numeric: [String: Double], categorical: [String: String]
    ) -> (numeric: [String: Double], categorical: [String: String]) {
        imputer?.imputed(numeric: numeric, categorical: categorical) ?? (numeric, categorical)
    }

    /// The names of the numeric features whose value lies beyond its bounds and is clipped,
    /// for monitoring.
    ///
    /// - Parameter numeric: Numeric features by name.
    public func clippedFeatures(numeric: [String: Double]) -> [String] {
        parameters.numeric.filter { feature in numeric[feature.name].map(feature.isOutlier) ?? false }.map(\.name)
    }

    /// The tree model's data set of `rows` (see ``modelInput(numeric:categorical:)``).
    ///
    /// - Parameters:
    ///   - rows: Feature rows.
    ///   - includeTarget: Whether the data set carries the rows' targets.
    /// - Throws: ``FeatureError/Code/missingTarget`` when `includeTarget` is set and a row has
    ///   no finite target.
    public func dataset(rows: [FeatureRow], includeTarget: Bool) throws(FeatureError) -> Dataset {
        try makeDataset(rows, includeTarget: includeTarget) { modelInput(numeric: $0.features, categorical: $0.categorical) }
    }

    /// The linear baseline's data set of `rows` (see ``linearInput(numeric:categorical:)``).
    ///
    /// - Parameters:
    ///   - rows: Feature rows.
    ///   - includeTarget: Whether the data set carries the rows' targets.
    /// - Throws: ``FeatureError/Code/missingTarget`` when `includeTarget` is set and a row has
    ///   no finite target.
    public func linearDataset(rows: [FeatureRow], includeTarget: Bool) throws(FeatureError) -> Dataset {
        try makeDataset(rows, includeTarget: includeTarget) { linearInput(numeric: $0.features, categorical: $0.categorical) }
    }

    private func levelCodes(_ categorical: [String: String]) -> [Double] {
        zip(parameters.categorical, codes).map { feature, codes in
            categorical[feature.name].flatMap { codes[$0] } ?? .nan
        }
    }

    private func makeDataset(
        _ rows: [FeatureRow], includeTarget: Bool, input: (FeatureRow) -> [Double]
    ) throws(FeatureError) -> Dataset {
        var target: [Double]?
        if includeTarget {
            target = []
            for row in rows {
                guard let value = row.target, value.isFinite else {
                    throw FeatureError(.missingTarget, reason: "the row has no finite target", field: "target", input: row.homeId)
                }
                target?.append(value)
            }
        }
        let count = parameters.numeric.count + parameters.categorical.count
        var values = [Double](repeating: .nan, count: rows.count * count)
        for (r, row) in rows.enumerated() {
            for (f, value) in input(row).enumerated() { values[f * rows.count + r] = value }
        }
        // The sizes agree by construction.
        return try! Dataset(features: features, rowCount: rows.count, values: values, target: target)
    }
}
