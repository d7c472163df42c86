import ArgumentParser
import Schema

/// The arguments of `review approve` and `review reject`, and the decision they publish.
struct ReviewDecisionOptions: ParsableArguments {
    @Argument(help: "The task id.")
    var taskId: String

    @Option(help: "A note for the audit trail.")
    var note: String?

    @OptionGroup var options: ModelsOptions

    /// Publishes the task resolved as `status` and prints it.
    func decide(as status: ReviewStatus) async throws {
        let task = try await ReviewQueue(options: options).decide(taskId, as: status, note: note)
        try options.emit(task) { "\(task.taskId) \(status.rawValue) by \(task.resolvedBy ?? "-")\n" }
    }
}
