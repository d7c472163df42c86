import Foundation
import Pipeline
import Schema

/// Writes human review decisions back to `review.tasks` as resolved tasks, for the service that
/// raised each task to apply.
public struct ReviewDesk: Sendable {
    private let tasks: @Sendable () -> [String: ReviewTask]
    private let publisher: any MessagePublisher

    /// A desk over the latest task states (a `review.tasks` reader's values) and a publisher.
    public init(tasks: @escaping @Sendable () -> [String: ReviewTask], publisher: any MessagePublisher) {
        self.tasks = tasks
        self.publisher = publisher
    }

    /// Every task's latest state.
    public var all: [ReviewTask] { Array(tasks().values) }

    /// Resolves the open task `taskId` with `status` by `user` and publishes it.
    ///
    /// - Returns: The resolved task.
    /// - Throws: ``MonitorError/Code/unknownReviewTask`` for an unknown task;
    ///   ``MonitorError/Code/reviewFailed`` when it is already decided or the decision cannot be
    ///   published.
    public func decide(taskId: String, status: ReviewStatus, user: String, note: String?, at time: Date) async throws(MonitorError)
        -> ReviewTask
    {
        guard let open = tasks()[taskId] else { throw MonitorError(.unknownReviewTask, reason: "no such review task", input: taskId) }
        guard let task = open.resolved(as: status, by: user, note: note, at: time) else {
            throw MonitorError(.reviewFailed, reason: "the task is already \(open.status.rawValue)", input: taskId)
        }
        do {
            try await publisher.publish([task])
        } catch {
            throw MonitorError(.reviewFailed, reason: error.reason, input: taskId)
        }
        return task
    }
}
