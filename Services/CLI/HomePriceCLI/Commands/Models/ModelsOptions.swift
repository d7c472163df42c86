import ArgumentParser
import Foundation
import ModelRegistry
import Schema

/// The options every `homeprice models` and `homeprice review` subcommand shares — the broker and the output
/// format — and the steps they share: connect, print, publish a registry change.
struct ModelsOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The broker's bootstrap servers (default: KAFKA_BOOTSTRAP_SERVERS, else the running local cluster's, else configs/kafka.yaml).",
            valueName: "host:port"))
    var bootstrapServers: String?

    @Flag(help: "Print one JSON document instead of text.")
    var json = false

    /// The command environment, pointed at `--bootstrap-servers` when given.
    func environment() async throws -> CLIEnvironment {
        let environment = try await CLIEnvironment.load()
        guard let bootstrapServers else { return environment }
        return CLIEnvironment(
            layout: environment.layout, kafka: environment.kafka.connecting(to: bootstrapServers), logger: environment.logger)
    }

    /// The connection to the environment's broker.
    func connection(_ environment: CLIEnvironment) -> ModelsConnection {
        ModelsConnection(kafka: environment.kafka, logger: environment.logger)
    }

    /// Prints `value` as one JSON document with `--json`, else `text()`.
    func emit(_ value: some Encodable, text: () -> String) throws {
        let output = try json ? JSONDocument.text(value) + "\n" : text()
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    /// Reads the registry, computes one change with `change` and publishes it on
    /// `models.registry`, then prints the event (or `describe(event)` without `--json`).
    ///
    /// - Throws: ``ModelsCommandError`` when the registry cannot be read, refuses the change
    ///   (``ModelsCommandError/init(refusal:)``) or the event is not delivered.
    func publishChange(
        _ change: (RegistryState) throws(RegistryError) -> ModelEvent, describe: (ModelEvent) -> String
    ) async throws {
        let connection = connection(try await environment())
        let state = try await connection.readRegistry()
        let event: ModelEvent
        do {
            event = try change(state)
        } catch {
            throw ModelsCommandError(refusal: error)
        }
        try await connection.publish(event)
        try emit(event) { describe(event) + "\n" }
    }
}
