import Foundation
import Kafka
import ModelRegistry
import Pipeline
import Schema
import Synchronization

/// The server's share of `pipeline.control`: `promote` and `rollback` commands addressed to
/// the configured target (the monitor's A/B verdicts, an operator's tooling) become the same
/// registry events as `/admin/promote` and `/admin/rollback`, computed from the registry in
/// force and published on `models.registry` by the shared ``Pipeline/BatchProcessor``; every
/// instance's registry reader then swaps the alias in.
///
/// Arguments: `model` (or `region`), `version` (promote), `alias` (default `champion`).
/// Commands for other targets and other actions are skipped; a command already handled (same
/// `commandId`, a redelivery) publishes nothing; one the registry refuses (unknown version,
/// nothing to roll back) is dead-lettered with the reason. The instances share one consumer
/// group, so each command is handled once.
public final class ControlCommandHandler: BatchHandler {
    /// The models, whose registry state the events are computed from.
    public let catalog: ModelCatalog
    /// The server's settings (target, model names, service name).
    public let configuration: ServerConfiguration
    private let handled = Mutex<Set<String>>([])

    /// Creates the handler.
    public init(catalog: ModelCatalog, configuration: ServerConfiguration) {
        self.catalog = catalog
        self.configuration = configuration
    }

    /// One outcome per command, in order; waits for the catalog to be ready first.
    public func handle(_ batch: [KafkaConsumerMessage]) async throws -> [MessageOutcome] {
        try await catalog.waitUntilReady()
        return batch.map { message in
            do {
                let command = try ControlCommand.decode(from: Data(message.value))
                guard command.target == configuration.controlTarget, [.promote, .rollback].contains(command.action),
                    handled.withLock({ $0.insert(command.commandId).inserted })
                else { return .produced([]) }
                do {
                    return .produced([try event(for: command)])
                } catch {
                    handled.withLock { _ = $0.remove(command.commandId) }
                    throw error
                }
            } catch {
                return .failed(FailureReason.reasons(for: error))
            }
        }
    }

    /// The registry event `command` asks for, against the registry in force.
    func event(for command: ControlCommand) throws(ServerError) -> ModelEvent {
        let arguments = command.arguments
        guard let model = arguments["model"] ?? arguments["region"].map(configuration.modelName(of:)) else {
            throw ServerError(
                .invalidRequest, reason: "a model or a region is required", field: "arguments.model", input: command.commandId)
        }
        let alias = arguments["alias"] ?? ModelAlias.champion
        let actor = "control:\(command.issuedBy)"
        let registry = catalog.snapshot.registry
        do {
            switch command.action {
            case .promote:
                guard let version = arguments["version"] else {
                    throw ServerError(
                        .invalidRequest, reason: "a version is required", field: "arguments.version", input: command.commandId)
                }
                return try registry.promotion(of: version, model: model, to: alias, actor: actor, reason: command.reason, at: command.at)
            default:
                return try registry.rollback(of: alias, model: model, actor: actor, reason: command.reason, at: command.at)
            }
        } catch let error as RegistryError {
            throw ServerError(.registryRefused, reason: error.reason, input: error.input)
        } catch let error as ServerError {
            throw error
        } catch {
            throw ServerError(.registryRefused, reason: "\(error)", input: command.commandId)
        }
    }
}
