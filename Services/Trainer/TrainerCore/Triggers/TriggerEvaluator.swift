import Foundation
import ModelRegistry

/// Decides which regions to train now: a `retrain` command, the weekly schedule, or enough new
/// labelled homes since the last training (once the stream has been quiet for the settle time).
///
/// Pure: it reads the state and the time it is given, so tests drive it with any clock. Marking
/// a slot or a command as handled is the caller's job (``TrainerState``), once it acts.
public struct TriggerEvaluator: Sendable {
    /// The trainer's settings (regions, schedule, time zones, volume threshold, settle time).
    public let configuration: TrainerConfiguration

    /// Creates an evaluator.
    public init(configuration: TrainerConfiguration) {
        self.configuration = configuration
    }

    /// The trainings due at `now`, at most one per region, commands first, then schedule, then
    /// volume.
    public func due(state: TrainerState, now: Date) -> [TrainingRequest] {
        configuration.regions.compactMap { region in
            if let detail = state.requested[region] {
                return TrainingRequest(region: region, trigger: TrainingTrigger(kind: .command, detail: detail))
            }
            if let slot = dueSlot(region: region, state: state, now: now) {
                return TrainingRequest(
                    region: region, trigger: TrainingTrigger(kind: .schedule, detail: "weekly slot \(Self.format(slot))"))
            }
            let changes = state.store.labelChanges(region: region, since: state.trainedThrough[region] ?? 0)
            if changes >= configuration.volumeThreshold, settled(state.store, now: now) {
                return TrainingRequest(
                    region: region,
                    trigger: TrainingTrigger(kind: .volume, detail: "\(changes) new labelled homes since the last training"))
            }
            return nil
        }
    }

    /// The weekly slot of `region` that has passed and was not trained yet. A trainer that
    /// starts for the first time remembers the latest slot without training for it (a fresh
    /// start is not a missed week).
    public func dueSlot(region: String, state: TrainerState, now: Date) -> Date? {
        guard let zone = configuration.timeZones[region] else { return nil }
        let slot = configuration.schedule.latestSlot(atOrBefore: now, in: zone)
        guard let last = state.lastScheduledSlot[region] else { return nil }
        return slot > last ? slot : nil
    }

    /// The latest slot of `region` at `now`, to remember once acted on (or on a first start).
    public func latestSlot(region: String, now: Date) -> Date? {
        configuration.timeZones[region].map { configuration.schedule.latestSlot(atOrBefore: now, in: $0) }
    }

    private func settled(_ store: TrainingStore, now: Date) -> Bool {
        guard let last = store.lastChange else { return true }
        let settle = Double(configuration.settle.components.seconds) + Double(configuration.settle.components.attoseconds) / 1e18
        return now.timeIntervalSince(last) >= settle
    }

    private static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
