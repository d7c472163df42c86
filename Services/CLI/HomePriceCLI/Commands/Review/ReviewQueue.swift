import Foundation
import Schema

/// The review queue as `review.tasks` holds it, read through the shared connection, and the
/// decisions written back to it.
struct ReviewQueue {
    /// The connection, naming `review` in its errors.
    let connection: ModelsConnection

    /// Connects with `options`' broker.
    init(options: ModelsOptions) async throws {
        var connection = options.connection(try await options.environment())
        connection.command = "review"
        self.connection = connection
    }

    /// Every task's latest state, oldest first.
    func tasks() async throws(ModelsCommandError) -> [ReviewTask] {
        try await connection.readLatest(ReviewTask.self).values.sorted { ($0.createdAt, $0.taskId) < ($1.createdAt, $1.taskId) }
    }

    /// The task `taskId`.
    ///
    /// - Throws: ``ModelsCommandError/Code/unknownTask`` when no task has that id.
    func task(_ taskId: String) async throws(ModelsCommandError) -> ReviewTask {
        guard let task = try await connection.readLatest(ReviewTask.self)[taskId] else {
            throw ModelsCommandError(.unknownTask, reason: "no review task has this id", input: taskId, command: "review")
        }
        return task
    }

    /// Resolves the open task `taskId` as `status` and publishes the decision.
    ///
    /// - Throws: ``ModelsCommandError/Code/refused`` when the task is already decided.
    func decide(_ taskId: String, as status: ReviewStatus, note: String?) async throws(ModelsCommandError) -> ReviewTask {
        let task = try await task(taskId)
        let user = String(CLIActor.current.dropFirst("user:".count))
        guard let decided = task.resolved(as: status, by: user, note: note, at: Date()) else {
            throw ModelsCommandError(.refused, reason: "the task is already \(task.status.rawValue)", input: taskId, command: "review")
        }
        try await connection.publish(decided)
        return decided
    }
}
