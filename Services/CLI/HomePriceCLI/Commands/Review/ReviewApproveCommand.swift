import ArgumentParser

/// `homeprice review approve TASK`: merge the duplicates, keep the prediction, promote the model.
struct ReviewApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Approve an open review task (merge, keep, promote) on review.tasks.")

    @OptionGroup var decision: ReviewDecisionOptions

    func run() async throws {
        try await decision.decide(as: .approved)
    }
}
