import ML

/// One check of one feature's live window against its reference.
public struct DriftMeasurement: Sendable, Equatable {
    /// The feature (`"prediction"` for prediction drift).
    public var feature: String
    /// Numeric or categorical.
    public var kind: FeatureInfo.Kind
    /// The rows in the window.
    public var rows: Int
    /// The population stability index.
    public var psi: Double
    /// The Jensen–Shannon distance.
    public var jensenShannon: Double
    /// The Kolmogorov–Smirnov test; numeric features only.
    public var kolmogorovSmirnov: KolmogorovSmirnov?
    /// What the thresholds make of the figures.
    public var level: DriftLevel

    /// Measures `live` counts against `reference` counts (same engine bins) of a feature: PSI
    /// and Jensen–Shannon on `groups`, Kolmogorov–Smirnov on the engine's bins.
    public init(feature: String, kind: FeatureInfo.Kind, reference: [Int], live: [Int], groups: BinGroups, settings: DriftSettings) {
        let expected = groups.grouped(reference).map(Double.init), actual = groups.grouped(live).map(Double.init)
        self.feature = feature
        self.kind = kind
        rows = live.reduce(0, +)
        psi = PopulationStabilityIndex.index(reference: expected, live: actual, epsilon: settings.psiEpsilon)
        jensenShannon = JensenShannon.distance(reference: expected, live: actual)
        kolmogorovSmirnov =
            kind == .numeric ? KolmogorovSmirnov(reference: reference.map(Double.init), live: live.map(Double.init)) : nil
        let ksShift = kolmogorovSmirnov.map { $0.pValue < settings.ksAlpha && $0.statistic >= settings.ksMinimumStatistic } ?? false
        if psi >= settings.psiAlert || jensenShannon >= settings.jsAlert || ksShift {
            level = .significant
        } else if psi >= settings.psiWarning {
            level = .moderate
        } else {
            level = .stable
        }
    }

    /// The figures by name, as monitoring event values.
    public var values: [String: Double] {
        var values = ["psi": psi, "jensenShannon": jensenShannon, "rows": Double(rows)]
        if let ks = kolmogorovSmirnov {
            values["ksStatistic"] = ks.statistic
            values["ksPValue"] = ks.pValue
        }
        return values
    }
}
