import Foundation
import ModelRegistry

/// One feature of one region (or a region's predictions) under watch: its training reference,
/// its count and time windows, and how many checks in a row found it shifted.
public struct FeatureDrift: Sendable, Equatable {
    /// The training reference.
    public let reference: FeatureReference
    /// The coarser bins of the PSI and Jensen–Shannon distance.
    public let groups: BinGroups
    /// The last rows.
    public private(set) var countWindow: CountWindow
    /// The rows of the last stretch of event time.
    public private(set) var timeWindow: TimeWindow
    /// Consecutive checks whose level was significant.
    public private(set) var consecutiveSignificant = 0
    /// Whether an alert is raised and not yet cleared.
    public private(set) var isAlerting = false

    /// A feature with empty windows.
    public init(reference: FeatureReference, settings: DriftSettings) {
        self.reference = reference
        groups = BinGroups(reference: reference.counts, kind: reference.kind, target: settings.psiBins)
        countWindow = CountWindow(capacity: settings.windowRows, binCount: reference.binCount)
        timeWindow = TimeWindow(length: settings.windowSeconds, slots: settings.windowSlots, binCount: reference.binCount)
    }

    /// Adds one live value's bin observed at `time`.
    public mutating func observe(bin: Int, at time: Date) {
        countWindow.add(bin: bin)
        timeWindow.add(bin: bin, at: time)
    }

    /// The count window against the reference.
    public func measure(settings: DriftSettings) -> DriftMeasurement {
        DriftMeasurement(
            feature: reference.name, kind: reference.kind, reference: reference.counts, live: countWindow.counts, groups: groups,
            settings: settings)
    }

    /// The time window against the reference.
    public func measureTimeWindow(settings: DriftSettings) -> DriftMeasurement {
        DriftMeasurement(
            feature: reference.name, kind: reference.kind, reference: reference.counts, live: timeWindow.counts, groups: groups,
            settings: settings)
    }

    /// Checks the count window and updates the sustained-drift state.
    ///
    /// - Returns: The measurement and whether this check raised (`true`) or cleared (`false`)
    ///   the feature's alert, `nil` when neither.
    public mutating func check(settings: DriftSettings) -> (measurement: DriftMeasurement, alertChange: Bool?) {
        let measurement = measure(settings: settings)
        consecutiveSignificant = measurement.level == .significant ? consecutiveSignificant + 1 : 0
        if !isAlerting, consecutiveSignificant >= settings.sustainedChecks {
            isAlerting = true
            return (measurement, true)
        }
        if isAlerting, measurement.level == .stable {
            isAlerting = false
            return (measurement, false)
        }
        return (measurement, nil)
    }

    /// The number of values the windows' storage holds.
    public var storedValues: Int { countWindow.storedValues + timeWindow.storedValues }
}
