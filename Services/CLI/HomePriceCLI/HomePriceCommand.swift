import ArgumentParser
import Foundation
import Kafka

/// `homeprice`: the command line of the HomePrice pipeline.
public struct HomePriceCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "homeprice",
        abstract: "HomePrice: home-price prediction as streaming microservices.",
        subcommands: [
            UpCommand.self,
            DownCommand.self,
            StatusCommand.self,
            SuperviseCommand.self,
            TopicsCommand.self,
            TailCommand.self,
            ProduceCommand.self,
            ScenarioCommand.self,
            NormalizeCommand.self,
            ModelCommand.self,
            ModelsCommand.self,
            ReviewCommand.self,
            DemoCommand.self,
            BenchCommand.self,
        ]
    )

    public init() {}

    /// Parses the process's arguments and runs the chosen command, exiting with its error.
    ///
    /// `--verbose`, anywhere on the line and for every command, lets librdkafka print its own
    /// log lines (``CLIEnvironment/verboseVariable``); without it they are silenced, and a
    /// broker that cannot be reached is one line naming the address.
    public static func execute() async {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if let flag = arguments.firstIndex(of: "--verbose") {
            arguments.remove(at: flag)
            setenv(CLIEnvironment.verboseVariable, "1", 1)
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as KafkaError where error.isBrokerUnreachable {
            let address = ProcessInfo.processInfo.environment["KAFKA_BOOTSTRAP_SERVERS"].map { " at \($0)" } ?? ""
            FileHandle.standardError.write(
                Data(
                    "Error: the Kafka broker\(address) is not reachable (\(error.reason)); is the cluster up? See `homeprice status`.\n"
                        .utf8))
            exit(withError: ExitCode(1))
        } catch {
            exit(withError: error)
        }
    }
}
