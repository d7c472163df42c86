import Foundation
import Hummingbird
import ModelRegistry
import Schema

/// `/admin/...` behind the bearer token: promote and roll back (the same registry events as
/// `homeprice models promote|rollback`, published on `models.registry` and applied here at
/// once), set a region's traffic plan, reload the models.
struct AdminController<Context: RequestContext>: Sendable {
    let components: ServerComponents

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("promote") { request, _ in
            let body = try await decodeBody(request, as: PromoteRequestBody.self, limit: components.configuration.maxBodyBytes)
            return try await change(region: body.region) { state, model throws(RegistryError) in
                try state.promotion(
                    of: body.version, model: model, to: body.alias ?? ModelAlias.champion, actor: actor, reason: body.reason, at: Date())
            }
        }
        group.post("rollback") { request, _ in
            let body = try await decodeBody(request, as: RollbackRequestBody.self, limit: components.configuration.maxBodyBytes)
            return try await change(region: body.region) { state, model throws(RegistryError) in
                try state.rollback(of: body.alias ?? ModelAlias.champion, model: model, actor: actor, reason: body.reason, at: Date())
            }
        }
        group.post("traffic") { request, _ in
            let body = try await decodeBody(request, as: TrafficRequestBody.self, limit: components.configuration.maxBodyBytes)
            guard components.configuration.features.region(body.region) != nil else {
                throw ServerError(.unknownRegion, reason: "no model serves this region", field: "region", input: body.region)
            }
            let experiment = try body.experiment.validated(field: "experiment", as: .invalidRequest)
            components.experiments.set(experiment, for: body.region)
            return JSONResponse.make(experiment)
        }
        group.post("reload") { _, _ in
            let snapshot = try await components.catalog.reload(retryingRefused: true)
            return JSONResponse.make([
                "generation": "\(snapshot.generation)", "models": snapshot.models.keys.sorted().joined(separator: ","),
            ])
        }
    }

    private var actor: String { "server:\(components.configuration.serviceName)" }

    /// Computes the registry event from the state in force, publishes it (awaited) and applies
    /// it here before answering.
    private func change(
        region: String, _ event: (RegistryState, String) throws(RegistryError) -> ModelEvent
    ) async throws -> Response {
        guard components.configuration.features.region(region) != nil else {
            throw ServerError(.unknownRegion, reason: "no model serves this region", field: "region", input: region)
        }
        let model = components.configuration.modelName(of: region)
        let change: ModelEvent
        do {
            change = try event(components.catalog.snapshot.registry, model)
        } catch {
            throw ServerError(.registryRefused, reason: error.reason, input: error.input)
        }
        do {
            try await components.publisher.publish([change])
        } catch {
            throw ServerError(.publishFailed, reason: "\(error)", input: change.key)
        }
        try await components.catalog.apply([change])
        return JSONResponse.make(
            ["key": change.key, "kind": change.kind.rawValue, "version": change.version, "previousVersion": change.previousVersion ?? ""])
    }
}
