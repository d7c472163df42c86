import Foundation
import ModelRegistry
import Schema

/// What the main job has seen on the topics it follows: the registry and its history, every
/// prediction, the monitor's verdicts and alerts, the control commands and the dead letters.
struct DemoObservations: Sendable {
    /// The monitoring events the run reports on (the monitor's and the supervisor's).
    static let reportedEvents: Set<String> = [
        "drift.alert", "drift.cleared", "accuracy.live", "accuracy.alert", "accuracy.cleared", "ab.verdict",
        "service.crashed", "service.restarted",
    ]

    /// The registry as `models.registry` states it.
    var registry = RegistryState()
    /// Every registry event, in topic order.
    var registryEvents: [ModelEvent] = []
    /// Every prediction by id.
    var predictions: [String: Prediction] = [:]
    /// The reported monitoring events, in topic order.
    var events: [MonitoringEvent] = []
    /// Every control command, in topic order.
    var commands: [ControlCommand] = []
    /// Dead letters per stage.
    var deadLetters: [String: Int] = [:]

    /// Takes in one message of a followed topic.
    mutating func record(_ message: any SchemaMessage) {
        switch message {
        case let event as ModelEvent:
            registry.apply(event)
            registryEvents.append(event)
        case let prediction as Prediction:
            predictions[prediction.predictionId] = prediction
        case let event as MonitoringEvent where Self.reportedEvents.contains(event.name):
            events.append(event)
        case let command as ControlCommand:
            commands.append(command)
        case let letter as DeadLetter:
            deadLetters[letter.stage.rawValue, default: 0] += 1
        default:
            break
        }
    }

    /// The champion version of `region`'s model.
    func champion(of region: String, prefix: String) -> String? {
        registry.champion(of: prefix + region.lowercased())?.version
    }

    /// The version `alias` of `region`'s model points at.
    func version(for alias: String, of region: String, prefix: String) -> String? {
        registry.version(for: alias, of: prefix + region.lowercased())?.version
    }

    /// The monitoring events named `name` about `region` (label `region`) of event time
    /// `since` or later: a monitor that restarts replays its topics and publishes the events of
    /// the replayed part again, with their old times.
    func events(named name: String, region: String, since: Date = .distantPast) -> [MonitoringEvent] {
        events.filter { $0.name == name && $0.labels["region"] == region && $0.at >= since }
    }

    /// The latest live accuracy of `region`'s `version` in `arm` of event time `since` or later.
    func latestAccuracy(region: String, arm: ExperimentArm, version: String, since: Date = .distantPast) -> MonitoringEvent? {
        events(named: "accuracy.live", region: region, since: since).last {
            $0.labels["arm"] == arm.rawValue && $0.labels["version"] == version
        }
    }
}
