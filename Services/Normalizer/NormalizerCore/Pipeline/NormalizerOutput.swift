import Schema

/// Everything one input produced, to be published before its offset is stored.
public struct NormalizerOutput: Sendable, Equatable {
    /// Canonical homes for `homes.normalized`.
    public var homes: [Home] = []
    /// Ambiguous duplicates for `review.tasks`.
    public var reviewTasks: [ReviewTask] = []
    /// Rejected inputs for `homes.deadletter`.
    public var deadLetters: [DeadLetter] = []
    /// Reports for `pipeline.monitoring`: terms no vocabulary knows.
    public var monitoringEvents: [MonitoringEvent] = []

    /// Creates an output.
    public init(
        homes: [Home] = [], reviewTasks: [ReviewTask] = [], deadLetters: [DeadLetter] = [], monitoringEvents: [MonitoringEvent] = []
    ) {
        self.homes = homes
        self.reviewTasks = reviewTasks
        self.deadLetters = deadLetters
        self.monitoringEvents = monitoringEvents
    }
}
