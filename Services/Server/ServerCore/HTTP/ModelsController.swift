import Foundation
import Hummingbird
import ModelRegistry

/// `GET /v1/models`: every version the registry knows, whether it is loaded, refused or not
/// servable, where each alias points, and the experiments in force.
struct ModelsController<Context: RequestContext>: Sendable {
    let components: ServerComponents

    struct Listing: Encodable {
        struct Version: Encodable {
            var name: String
            var version: String
            var lifecycle: String
            var state: String
            var sha256: String?
            var aliases: [String]
            var refusal: String?
        }

        var generation: Int
        var models: [Version]
        var experiments: [String: Experiment]
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("models") { _, _ in JSONResponse.make(listing(components.catalog.snapshot)) }
    }

    func listing(_ snapshot: ModelSnapshot) -> Listing {
        var versions: [Listing.Version] = []
        for name in snapshot.registry.models {
            for version in snapshot.registry.versions(of: name) {
                let key = "\(name)@\(version.version)"
                let aliases = snapshot.aliases.filter { $0.value == version.version && $0.key.hasPrefix("\(name)#") }
                    .map { String($0.key.dropFirst(name.count + 1)) }.sorted()
                let state = snapshot.models[key] != nil ? "loaded" : snapshot.refused[key] != nil ? "refused" : "notServable"
                versions.append(
                    Listing.Version(
                        name: name, version: version.version, lifecycle: version.lifecycle.rawValue, state: state,
                        sha256: version.artifact?.sha256, aliases: aliases, refusal: snapshot.refused[key]?.error.reasonWithInput))
            }
        }
        return Listing(generation: snapshot.generation, models: versions, experiments: components.experiments.all)
    }
}
