import Foundation
import ServiceSupport

/// The environment a service of the local cluster runs with: the caller's, with the cluster's
/// broker, the project root and the service's own name (`HOMEPRICE_SERVICE`) set.
enum ServiceEnvironment {
    /// The environment of the service `name` on the broker at `bootstrapServers`.
    static func of(
        service name: String, bootstrapServers: String, layout: ProjectLayout,
        inheriting inherited: [String: String] = ProcessInfo.processInfo.environment
    ) -> [String: String] {
        var environment = inherited
        environment["KAFKA_BOOTSTRAP_SERVERS"] = bootstrapServers
        environment["HOMEPRICE_ROOT"] = layout.root.path
        environment["HOMEPRICE_SERVICE"] = name
        return environment
    }
}
