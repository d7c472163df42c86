import ArgumentParser

/// `homeprice review reject TASK`: keep the records apart, discard the prediction, reject the model.
struct ReviewRejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "Reject an open review task (keep apart, discard, reject) on review.tasks.")

    @OptionGroup var decision: ReviewDecisionOptions

    func run() async throws {
        try await decision.decide(as: .rejected)
    }
}
