import Foundation
import ServiceSupport
import Synchronization
import Testing

@testable import HomePriceCLI

#if canImport(Glibc)
    import Glibc
#endif

/// SIGKILLs services of a supervised local cluster by name, as a crash would (the supervisor
/// restarts them), and remembers which it killed.
final class ServiceKiller: Sendable {
    /// The cluster's state folder, whose `cluster.json` names each service's process.
    let state: URL
    private let killed = Mutex<[String]>([])

    /// A killer of the cluster whose state folder is `state`.
    init(state: URL) {
        self.state = state
    }

    /// The services killed, by name, in order.
    var kills: [String] { killed.withLock { $0 } }

    /// SIGKILLs the service `name` now; records an issue when it is not running.
    func kill(_ name: String) {
        let service: ClusterState.ProcessState?
        do {
            service = try ClusterState.read(from: state)?.services.first { $0.name == name }
        } catch {
            Issue.record("the cluster's state cannot be read to kill \(name): \(error)")
            return
        }
        guard let service, service.status == "running", let pid = service.pid else {
            Issue.record("\(name) was not running when its kill came (\(service?.status ?? "unknown"))")
            return
        }
        guard Glibc.kill(pid, SIGKILL) == 0 else {
            Issue.record("\(name) (pid \(pid)) had exited when its kill came")
            return
        }
        killed.withLock { $0.append(name) }
    }

    /// Waits until `condition` holds, then SIGKILLs the service `name`.
    func kill(_ name: String, once condition: @escaping @Sendable () async throws -> Bool) async throws {
        try await withDeadline(.seconds(120), waitingFor: "the moment to kill \(name)") {
            while try await !condition() { try await Task.sleep(for: .milliseconds(50)) }
        }
        kill(name)
    }
}
