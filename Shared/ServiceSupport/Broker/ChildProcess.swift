import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Stopping child processes politely, then firmly.
public enum ChildProcess {
    /// Sends SIGTERM, waits up to `grace` for the exit, then sends SIGKILL and waits.
    public static func terminate(_ process: Process, grace: Duration) async {
        guard process.isRunning else { return }
        process.terminate()
        if await waitForExit(process, timeout: grace) { return }
        kill(process.processIdentifier, SIGKILL)
        _ = await waitForExit(process, timeout: .seconds(5))
    }

    /// Waits until `process` has exited, or `timeout` passes; says whether it exited. A
    /// cancelled task waits too (stopping a child has to finish), without spinning: its pauses
    /// run in a task of their own, which the cancellation does not reach.
    public static func waitForExit(_ process: Process, timeout: Duration) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while process.isRunning {
            guard clock.now < deadline else { return false }
            if Task.isCancelled {
                await Task.detached { try? await Task.sleep(for: .milliseconds(20)) }.value
            } else {
                try? await Task.sleep(for: .milliseconds(20))
            }
        }
        return true
    }
}
