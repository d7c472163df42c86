import Schema

/// The fitted imputation of a model: its settings, the scale of each distance feature and the
/// training homes that serve as neighbours, stored in ``FittedFeatureParameters/imputation``.
///
/// Fitted on the training window only (``fit(rows:settings:)``); a home is never its own
/// neighbour for a value it lacks, and no label is read.
public struct ImputationParameters: Codable, Sendable, Equatable {
    /// The settings fitted with.
    public var settings: ImputationSettings
    /// The targets that are numeric in the training rows, in settings order.
    public var numericTargets: [String]
    /// The targets that are categorical in the training rows, in settings order.
    public var categoricalTargets: [String]
    /// The standard deviation of each distance feature's training values (1 when it has
    /// fewer than two distinct values), in settings order.
    public var scales: [Double]
    /// The neighbours, in home id order.
    public var donors: [ImputationDonor]

    /// Creates parameters.
    ///
    /// - Parameters:
    ///   - settings: The settings fitted with.
    ///   - numericTargets: The numeric targets.
    ///   - categoricalTargets: The categorical targets.
    ///   - scales: The distance features' scales.
    ///   - donors: The neighbours.
    public init(
        settings: ImputationSettings, numericTargets: [String], categoricalTargets: [String], scales: [Double],
        donors: [ImputationDonor]
    ) {
        self.settings = settings
        self.numericTargets = numericTargets
        self.categoricalTargets = categoricalTargets
        self.scales = scales
        self.donors = donors
    }

    /// Fits imputation on training rows (retired ones skipped).
    ///
    /// A target is numeric when some row has it among its numeric features, categorical when
    /// some row has it among its categorical ones, and dropped when no row has it. The donors
    /// are the rows with at least one target, sorted by home id; beyond
    /// ``ImputationSettings/maxDonors`` an evenly spaced sample of them. Scales come from every
    /// row. The same rows in any order give identical parameters.
    ///
    /// - Parameters:
    ///   - rows: The training window's feature rows.
    ///   - settings: The imputation settings.
    public static func fit(rows: [FeatureRow], settings: ImputationSettings) -> ImputationParameters {
        let live = rows.filter { !$0.retired }.sorted { $0.homeId < $1.homeId }
        let numericTargets = settings.targets.filter { name in live.contains { $0.features[name] != nil } }
        let categoricalTargets = settings.targets.filter { name in
            !numericTargets.contains(name) && live.contains { $0.categorical[name] != nil }
        }
        let scales = settings.distanceFeatures.map { name in
            standardDeviation(live.compactMap { $0.features[name] }.filter(\.isFinite).sorted())
        }
        let group = settings.groupFeature.isEmpty ? nil : settings.groupFeature
        let candidates: [ImputationDonor] = live.compactMap { row in
            let numeric = numericTargets.reduce(into: [String: Double]()) { values, name in
                if let value = row.features[name], value.isFinite { values[name] = value }
            }
            let categorical = categoricalTargets.reduce(into: [String: String]()) { values, name in
                if let value = row.categorical[name] { values[name] = value }
            }
            guard !numeric.isEmpty || !categorical.isEmpty else { return nil }
            return ImputationDonor(
                distanceValues: settings.distanceFeatures.map { name in row.features[name].flatMap { $0.isFinite ? $0 : nil } },
                group: group.flatMap { row.categorical[$0] }, numeric: numeric, categorical: categorical)
        }
        let kept = max(settings.maxDonors, 1)
        let donors =
            candidates.count <= kept ? candidates : (0..<kept).map { candidates[$0 * candidates.count / kept] }
        return ImputationParameters(
            settings: settings, numericTargets: numericTargets, categoricalTargets: categoricalTargets, scales: scales,
            donors: donors)
    }

    /// The population standard deviation of `sorted` values, 1 when it is zero or undefined.
    private static func standardDeviation(_ sorted: [Double]) -> Double {
        guard sorted.count > 1 else { return 1 }
        let mean = sorted.reduce(0, +) / Double(sorted.count)
        let variance = sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(sorted.count)
        return variance > 0 ? variance.squareRoot() : 1
    }
}
