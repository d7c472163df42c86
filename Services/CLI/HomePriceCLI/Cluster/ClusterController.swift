import Foundation
import ServiceSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Starts and stops the supervisor process behind `homeprice up` and `homeprice down`.
struct ClusterController {
    let layout: ProjectLayout
    let stateDirectory: URL
    /// The supervisor's command line: this executable's `supervise`.
    var supervisorCommand = [URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path, "supervise"]

    /// The running supervisor's state, or `nil` when the cluster is down (a stale state file
    /// of a dead supervisor is removed).
    func runningState() throws -> ClusterState? {
        guard let state = try ClusterState.read(from: stateDirectory) else { return nil }
        guard kill(state.supervisorPid, 0) == 0 else {
            try? FileManager.default.removeItem(at: ClusterState.file(in: stateDirectory))
            return nil
        }
        return state
    }

    /// Starts `homeprice supervise` in its own session, logging to `logs/supervisor.log`,
    /// and waits until it reports ready or failed, or exits without being ready.
    func start(readyTimeout: Duration) async throws -> ClusterState {
        let log = stateDirectory.appendingPathComponent("logs/supervisor.log")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        // `--wait`: setsid forks when it leads its process group, and then its exit would say
        // nothing of the supervisor; waiting, it exits with the supervisor's status.
        process.arguments = ["--wait"] + supervisorCommand
        let output = try LogFile.appendingHandle(log)
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment["HOMEPRICE_ROOT"] = layout.root.path
        process.environment = environment
        try process.run()

        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: readyTimeout)
        while clock.now < deadline {
            // Whether it still ran before its state is read: a state read after its exit is final.
            let exited = !process.isRunning
            if let state = try? ClusterState.read(from: stateDirectory) {
                switch state.phase {
                case .ready: return state
                case .failed:
                    // The recorded error names its own code (`brokerUnavailable: tansu exited at
                    // start…`); this one says which step failed, not the same code again.
                    throw ServiceSupportError(
                        code: .processFailed, reason: "the cluster did not start: \(state.error ?? "no reason recorded")", input: log.path)
                case .starting, .stopping: break
                }
            }
            guard !exited else {
                throw ServiceSupportError(
                    code: .processFailed,
                    reason: "the supervisor exited with status \(process.terminationStatus) before the cluster was ready",
                    input: log.path)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ServiceSupportError(code: .brokerUnavailable, reason: "the cluster was not ready within \(readyTimeout)", input: log.path)
    }

    /// Asks the supervisor to stop (SIGTERM) and waits until it has exited.
    func stop(_ state: ClusterState, timeout: Duration) async throws {
        kill(state.supervisorPid, SIGTERM)
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while kill(state.supervisorPid, 0) == 0 {
            guard clock.now < deadline else {
                throw ServiceSupportError(
                    code: .processFailed,
                    reason: "the supervisor did not stop within \(timeout)",
                    input: "pid \(state.supervisorPid)"
                )
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        try? FileManager.default.removeItem(at: ClusterState.file(in: stateDirectory))
    }
}
