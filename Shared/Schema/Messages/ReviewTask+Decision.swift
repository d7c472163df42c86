import Foundation

extension ReviewTask {
    /// The task decided: `status` by `user:<user>` at `time` with `note`, or `nil` when the task
    /// is not open (already decided or dismissed). The dashboard and the CLI publish the result
    /// on ``Topic/reviewTasks`` for the service that raised the task to apply.
    ///
    /// - Parameters:
    ///   - status: The decision, ``ReviewStatus/approved`` or ``ReviewStatus/rejected``.
    ///   - user: The reviewer's name, without the `user:` prefix.
    ///   - note: The reviewer's note.
    ///   - time: When the decision was made.
    public func resolved(as status: ReviewStatus, by user: String, note: String?, at time: Date) -> ReviewTask? {
        guard self.status == .open else { return nil }
        var task = self
        task.status = status
        task.resolvedBy = "user:\(user)"
        task.resolvedAt = time
        task.resolutionNote = note
        return task
    }
}
