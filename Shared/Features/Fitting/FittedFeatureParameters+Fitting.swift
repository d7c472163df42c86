import Schema

extension FittedFeatureParameters {
    /// Fits the parameters on training rows.
    ///
    /// Retired rows are skipped. The inputs are every numeric and every categorical feature
    /// that at least one row has, each group sorted by name (Unicode scalar order). Per numeric
    /// feature: the median, the outlier bounds at the configured quantiles (linear
    /// interpolation between ranks), the count of values beyond them, and the mean and
    /// standard deviation after clipping and imputing the median. Per categorical feature: the
    /// sorted levels seen at least ``FeatureSettings/minLevelCount`` times, and the rarer
    /// values, which fold into ``otherLevel``. Every value is computed from sorted data, so
    /// the same rows in any order give identical parameters. With `imputation`, the
    /// neighbours that fill missing inputs (``ImputationParameters/fit(rows:settings:)``);
    /// the other parameters describe the rows as given.
    ///
    /// - Parameters:
    ///   - rows: The training window's feature rows.
    ///   - settings: The outlier quantiles, the rare-level count, and the settings to record.
    ///   - imputation: How to impute missing inputs, or nil to leave them missing.
    /// - Throws: ``FeatureError/Code/noTrainingRows`` when no row is left to fit on.
    public static func fit(
        rows: [FeatureRow], settings: FeatureSettings, imputation: ImputationSettings? = nil
    ) throws(FeatureError) -> FittedFeatureParameters {
        let live = rows.filter { !$0.retired }
        guard !live.isEmpty else {
            throw FeatureError(.noTrainingRows, reason: "no feature rows to fit on (\(rows.count) retired)")
        }
        var numericValues: [String: [Double]] = [:]
        var categoryCounts: [String: [String: Int]] = [:]
        for row in live {
            for (name, value) in row.features where value.isFinite {
                numericValues[name, default: []].append(value)
            }
            for (name, value) in row.categorical {
                categoryCounts[name, default: [:]][value, default: 0] += 1
            }
        }
        let numeric = numericValues.keys.sorted().map { name in
            fitNumeric(name, values: numericValues[name] ?? [], rowCount: live.count, settings: settings)
        }
        let categorical = categoryCounts.keys.sorted().map { name in
            fitCategorical(name, counts: categoryCounts[name] ?? [:], minLevelCount: settings.minLevelCount)
        }
        return FittedFeatureParameters(
            featureSchemaVersion: FeatureSchema.version, settings: settings, trainingRows: live.count,
            numeric: numeric, categorical: categorical,
            imputation: imputation.map { ImputationParameters.fit(rows: live, settings: $0) })
    }

    private static func fitNumeric(
        _ name: String, values: [Double], rowCount: Int, settings: FeatureSettings
    ) -> NumericFeatureParameters {
        let sorted = values.sorted()
        var parameters = NumericFeatureParameters(
            name: name, median: Quantile.of(sorted, 0.5),
            lowerBound: Quantile.of(sorted, settings.lowerOutlierQuantile),
            upperBound: Quantile.of(sorted, settings.upperOutlierQuantile),
            mean: 0, standardDeviation: 1, presentCount: sorted.count, outlierCount: 0)
        parameters.outlierCount = sorted.count(where: parameters.isOutlier)
        let missing = [Double](repeating: parameters.imputed(nil), count: rowCount - sorted.count)
        let imputed = (sorted.map { parameters.imputed($0) } + missing).sorted()
        let mean = imputed.reduce(0, +) / Double(rowCount)
        let variance = imputed.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(rowCount)
        parameters.mean = mean
        parameters.standardDeviation = variance > 0 ? variance.squareRoot() : 1
        return parameters
    }

    private static func fitCategorical(_ name: String, counts: [String: Int], minLevelCount: Int) -> CategoricalFeatureParameters {
        let kept = counts.filter { $0.value >= minLevelCount }.keys
        let folded = counts.filter { $0.value < minLevelCount && $0.key != otherLevel }.keys.sorted()
        var levels = Set(kept)
        if !folded.isEmpty || counts[otherLevel] != nil { levels.insert(otherLevel) }
        return CategoricalFeatureParameters(
            name: name, levels: levels.sorted(), foldedValues: folded, presentCount: counts.values.reduce(0, +))
    }
}
