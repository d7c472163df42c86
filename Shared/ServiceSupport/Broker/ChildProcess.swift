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

    /// Waits until `process` has exited, or `timeout` passes, or the task is cancelled; says
    /// whether it exited.
    public static func waitForExit(_ process: Process, timeout: Duration) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while process.isRunning {
            guard clock.now < deadline, !Task.isCancelled else { return false }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return true
    }
}
