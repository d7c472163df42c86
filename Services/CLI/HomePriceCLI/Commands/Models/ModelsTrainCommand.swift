import ArgumentParser
import Foundation
import Schema

/// `homeprice models train`: asks the trainer for a new candidate of a region's model.
struct ModelsTrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Ask the trainer to train a new candidate of a region's model now.",
        discussion: """
            Publishes a retrain command for target trainer on pipeline.control and prints its command id; \
            the trainer registers the candidate on models.registry when it is done.
            """)

    @OptionGroup var change: ModelChangeOptions

    @OptionGroup var options: ModelsOptions

    func run() async throws {
        let command = ControlCommand(
            commandId: UUID().uuidString, target: "trainer", action: .retrain, arguments: ["region": change.region.region],
            issuedBy: CLIActor.current, reason: change.reason, at: Date())
        try await options.connection(try await options.environment()).publish(command)
        try options.emit(command) { "retrain of \(change.region) requested: command \(command.commandId)\n" }
    }
}
