import Schema

/// Live accuracy: the prediction–feedback join, a window of errors per region, model version
/// and arm, the A/B verdict per region, and the champion's accuracy alert.
public struct AccuracyTracker: Sendable {
    private struct Windows: Sendable {
        var absoluteErrors: ValueWindow
        var percentageErrors: ValueWindow
        var lastJoin: Int
        /// The window's MAPE at each of the region's last checks, oldest first.
        var history: [Double] = []
    }

    private struct RegionState: Sendable {
        var armErrors: [ExperimentArm: ValueWindow] = [:]
        /// The model version each arm's window holds: a version new to an arm (the next
        /// experiment's challenger, the promoted champion) starts its window empty, so a verdict
        /// always compares one version with one version; late feedback for a version the arm
        /// held before is left out of the arm's window (it stays in its version's figures).
        var armModels: [ExperimentArm: AccuracyKey] = [:]
        /// Every version each arm has held.
        var armHistory: [ExperimentArm: Set<AccuracyKey>] = [:]
        var joinsSinceCheck = 0
        var consecutiveDegraded = 0
        var isAlerting = false
    }

    /// The settings.
    public let settings: AccuracySettings
    /// The join.
    public private(set) var join: PredictionJoin
    private var windows: [AccuracyKey: Windows] = [:]
    private var regions: [String: RegionState] = [:]
    private var champions: [String: (version: String, validationMAPE: Double?)] = [:]
    private var joins = 0

    /// An empty tracker.
    public init(settings: AccuracySettings) {
        self.settings = settings
        join = PredictionJoin(settings: settings.join)
    }

    /// Sets the version of `region`'s champion whose accuracy is watched, and its validation MAPE.
    public mutating func setChampion(region: String, version: String, validationMAPE: Double?) {
        champions[region] = (version, validationMAPE)
    }

    /// Adds a served prediction.
    public mutating func add(_ prediction: Prediction) -> AccuracyCheck? {
        guard let joined = join.add(prediction) else { return nil }
        return record(joined)
    }

    /// Adds a piece of feedback.
    public mutating func add(_ feedback: Feedback) -> AccuracyCheck? {
        guard let joined = join.add(feedback) else { return nil }
        return record(joined)
    }

    /// The live figures of every region, version and arm.
    public var figures: [AccuracyKey: AccuracyFigures] {
        windows.mapValues { AccuracyFigures(absoluteErrors: $0.absoluteErrors, percentageErrors: $0.percentageErrors) }
    }

    /// The MAPE of every region, version and arm at each of its region's last
    /// ``AccuracySettings/historyPoints`` checks, oldest first.
    public var history: [AccuracyKey: [Double]] { windows.mapValues(\.history) }

    /// The A/B verdict of `region` now.
    public func verdict(region: String) -> ABVerdict {
        let arms = regions[region]?.armErrors ?? [:]
        let empty = ValueWindow(capacity: settings.windowJoins)
        return ABVerdict(
            region: region, champion: arms[.a] ?? empty, challenger: arms[.b] ?? empty, alpha: settings.abAlpha,
            minimumSamples: settings.abMinimumSamples)
    }

    /// The number of values the tracker's storage holds, for the bounded-state check.
    public var storedValues: Int {
        join.storedEntries + windows.values.reduce(0) { $0 + $1.absoluteErrors.count + $1.percentageErrors.count + $1.history.count }
            + regions.values.reduce(0) { $0 + $1.armErrors.values.reduce(0) { $0 + $1.count } }
    }

    private mutating func record(_ joined: JoinedPrediction) -> AccuracyCheck? {
        guard let percentage = joined.absolutePercentageError else { return nil }
        joins += 1
        let key = AccuracyKey(region: joined.region, modelName: joined.modelName, modelVersion: joined.modelVersion, arm: joined.arm)
        // Windows are mutated in place: a copy would duplicate their storage per join.
        let empty = Windows(
            absoluteErrors: ValueWindow(capacity: settings.windowJoins), percentageErrors: ValueWindow(capacity: settings.windowJoins),
            lastJoin: joins)
        windows[key, default: empty].absoluteErrors.add(joined.absoluteError)
        windows[key, default: empty].percentageErrors.add(percentage)
        windows[key, default: empty].lastJoin = joins
        if windows.count > settings.maximumKeys, let stale = windows.min(by: { $0.value.lastJoin < $1.value.lastJoin })?.key {
            windows[stale] = nil
        }
        var current = regions[joined.region]?.armModels[joined.arm] == key
        if !current, regions[joined.region]?.armHistory[joined.arm]?.contains(key) != true {
            regions[joined.region, default: RegionState()].armModels[joined.arm] = key
            regions[joined.region, default: RegionState()].armHistory[joined.arm, default: []].insert(key)
            regions[joined.region, default: RegionState()].armErrors[joined.arm] = ValueWindow(capacity: settings.windowJoins)
            current = true
        }
        if current {
            regions[joined.region, default: RegionState()].armErrors[joined.arm, default: ValueWindow(capacity: settings.windowJoins)]
                .add(percentage)
        }
        regions[joined.region, default: RegionState()].joinsSinceCheck += 1
        guard (regions[joined.region]?.joinsSinceCheck ?? 0) >= settings.checkEveryJoins else { return nil }
        return check(region: joined.region)
    }

    private mutating func check(region name: String) -> AccuracyCheck {
        var region = regions[name] ?? RegionState()
        region.joinsSinceCheck = 0
        let figures = self.figures.filter { $0.key.region == name }
        for (key, figure) in figures {
            windows[key]?.history.append(figure.mape)
            if (windows[key]?.history.count ?? 0) > settings.historyPoints { windows[key]?.history.removeFirst() }
        }
        var change: Bool?
        var championMAPE: (Double, Double)?
        if let champion = champions[name] {
            let live = figures.filter { $0.key.modelVersion == champion.version }
            let count = live.values.reduce(0) { $0 + $1.count }
            if count >= settings.minimumSamples {
                let mape = live.values.reduce(0) { $0 + $1.mape * Double($1.count) } / Double(count)
                let bound = champion.validationMAPE.map { $0 * settings.mapeDegradationRatio } ?? settings.maximumMAPE
                championMAPE = (mape, bound)
                region.consecutiveDegraded = mape > bound ? region.consecutiveDegraded + 1 : 0
                if !region.isAlerting, region.consecutiveDegraded >= settings.sustainedChecks {
                    region.isAlerting = true
                    change = true
                } else if region.isAlerting, mape <= bound {
                    region.isAlerting = false
                    change = false
                }
            }
        }
        regions[name] = region
        return AccuracyCheck(
            region: name, figures: figures, verdict: verdict(region: name), challenger: region.armModels[.b], alertChange: change,
            championMAPE: championMAPE)
    }
}
