import Foundation
import Scenario
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The main job's chaos mode: from the moment every region has a champion (so the kills fall
/// on the client stream, the shift, the retraining and the experiments), every `interval`, the
/// next service of the cluster (in an order
/// drawn from the seed) is killed with SIGKILL, until each has been killed once; the supervisor
/// restarts them. The broker is spared (tansu keeps topics in memory: killing it is losing
/// the data, not a crash), and so is the scenario's website, which stands in for the outside
/// world; a service that already finished (a dataset producer) has nothing to kill.
final class DemoChaos: Sendable {
    /// One kill.
    struct Kill: Sendable, Equatable {
        var service: String
        var pid: Int32
        var at: Date
    }

    /// The cluster's stream stages, killed before the sources.
    static let stages: Set<String> = ["normalizer", "preprocessor", "trainer", "server", "monitor"]

    let stateDirectory: URL
    let interval: Duration
    let seed: UInt64
    let spared: Set<String>
    let view: DemoView
    private let kills = Mutex<[Kill]>([])

    init(stateDirectory: URL, interval: Duration, seed: UInt64, spared: Set<String>, view: DemoView) {
        self.stateDirectory = stateDirectory
        self.interval = interval
        self.seed = seed
        self.spared = spared
        self.view = view
    }

    /// The kills so far.
    var done: [Kill] { kills.withLock { $0 } }

    /// Once `start` returns, kills one service per interval until each was killed once or
    /// the task is cancelled.
    func run(after start: () async throws -> Void) async throws {
        try await start()
        guard let state = try ClusterState.read(from: stateDirectory) else { return }
        var random = SplitMix64(seed: seed)
        // The stream stages first (each in a drawn order), then the sources: a short run still
        // kills every stage.
        let names = state.services.map(\.name).filter { !spared.contains($0) }
        let stages = names.filter(Self.stages.contains).shuffled(using: &random)
        var order = stages + names.filter { !Self.stages.contains($0) }.shuffled(using: &random)
        var attempts: [String: Int] = [:]
        while !order.isEmpty, !Task.isCancelled {
            try await Task.sleep(for: interval)
            let name = order.removeFirst()
            let service = try ClusterState.read(from: stateDirectory)?.services.first { $0.name == name }
            guard let pid = service?.pid, kill(pid, SIGKILL) == 0 else {
                // Restarting right now: try again later; a finished producer has nothing to kill.
                attempts[name, default: 0] += 1
                if service?.status != "completed", attempts[name, default: 0] < 5 { order.append(name) }
                continue
            }
            kills.withLock { $0.append(Kill(service: name, pid: pid, at: Date())) }
            view.narrate("chaos: SIGKILL \(name) (pid \(pid)); the supervisor restarts it")
        }
    }
}
