import Foundation
import Synchronization

/// Runs a server as a child process under a shell watchdog that stops it when the watchdog's
/// standard input reaches end of file: when the owner closes the pipe, or when the owner dies
/// and the kernel closes it, so a killed test run or CLI leaves no server behind.
///
/// Signals are not used to stop the watchdog itself: a child started from a thread that blocks
/// SIGTERM inherits the block. The shell then polls until the server is gone (no longer in
/// /proc, or a zombie: its sockets are closed) rather than `wait`ing: it inherits its parent's
/// blocked SIGCHLD, and dash's `wait` sleeps until a SIGCHLD that never comes. Its exit hands
/// the zombie to init, which reaps it. The watchdog ignores SIGINT, SIGTERM and SIGHUP (the
/// server does not), so a signal to the whole process group still ends with its clean-up.
enum Watchdog {
    /// How a start says its server exited before it was ready: `<server> exited at start`.
    static func exitedAtStart(_ server: String) -> String {
        "\(server) exited at start"
    }

    /// A started watchdog: its process and the write end of its standard input, whose close
    /// (by ``stop()``, by deinit, or by the kernel when the owner dies) stops the server.
    final class Started: Sendable {
        /// The watchdog shell; `nil` once stopped.
        private let process: Mutex<Process?>
        /// Closing it stops the server, then the watchdog.
        private let lifeline: FileHandle

        fileprivate init(process: Process, lifeline: FileHandle) {
            self.process = Mutex(process)
            self.lifeline = lifeline
        }

        deinit {
            try? lifeline.close()
        }

        /// Whether the watchdog (and so the server under it) still runs.
        var isRunning: Bool { process.withLock { $0?.isRunning ?? false } }

        /// The watchdog shell's process id while it runs.
        var processIdentifier: Int32? {
            process.withLock { process in process.flatMap { $0.isRunning ? $0.processIdentifier : nil } }
        }

        /// The server's process (the watchdog's first child), alive or a zombie (the watchdog
        /// does not reap it); `nil` before the watchdog started it.
        private var serverProcess: Int32? {
            processIdentifier.flatMap { ProcessLiveness.children(of: $0).first }
        }

        /// The server's process id while it is alive; `nil` before the watchdog started it and
        /// once it has exited, even while the watchdog still runs.
        var serverProcessIdentifier: Int32? {
            serverProcess.flatMap { ProcessLiveness.isAlive($0) ? $0 : nil }
        }

        /// Whether the server has exited: its process is a zombie, or gone after it was seen
        /// alive (`seenAlive`, updated).
        private func serverExited(seenAlive: inout Bool) -> Bool {
            guard processIdentifier != nil else { return false }
            guard let server = serverProcess else { return seenAlive }
            guard ProcessLiveness.isAlive(server) else { return true }
            seenAlive = true
            return false
        }

        /// Asks `isReady` every 50 ms until it says yes. Stops the server and throws
        /// ``ServiceSupportError/Code/brokerUnavailable`` (naming `server` and `input`, with
        /// `detail()` appended) when the server exits (the watchdog or the server itself, for
        /// example on a port another process holds), when `timeout` passes, or when the task
        /// is cancelled: a cancelled start neither waits out its timeout nor leaves a server.
        func waitUntilReady(
            _ server: String, input: String, timeout: Duration, detail: () -> String = { "" },
            isReady: () async -> Bool
        ) async throws(ServiceSupportError) {
            let clock = ContinuousClock()
            let deadline = clock.now.advanced(by: timeout)
            var failure = "\(server) did not accept connections within \(timeout)"
            var serverSeen = false
            while clock.now < deadline {
                guard !serverExited(seenAlive: &serverSeen), isRunning else {
                    failure = Watchdog.exitedAtStart(server)
                    break
                }
                // A probe can take long on a loaded machine, and the server may be up when it
                // returns: a start cancelled meanwhile still stops it rather than hand it over.
                if await isReady() {
                    guard Task.isCancelled else { return }
                    failure = "the start of \(server) was cancelled"
                    break
                }
                do {
                    try await Task.sleep(for: .milliseconds(50))
                } catch {
                    failure = "the start of \(server) was cancelled"
                    break
                }
            }
            let details = detail()
            await stop()
            throw ServiceSupportError(code: .brokerUnavailable, reason: details.isEmpty ? failure : "\(failure): \(details)", input: input)
        }

        /// Closes the lifeline (the server is stopped) and waits up to 30 s for the watchdog to
        /// exit (it stops the server and removes its folder; a loaded machine can take seconds),
        /// then terminates it.
        /// - Returns: Whether the watchdog exited on its own; `true` when already stopped.
        @discardableResult
        func stop() async -> Bool {
            guard
                let running = process.withLock({ process -> Process? in
                    defer { process = nil }
                    return process
                })
            else { return true }
            try? lifeline.close()
            if await ChildProcess.waitForExit(running, timeout: .seconds(30)) { return true }
            await ChildProcess.terminate(running, grace: .seconds(1))
            return false
        }
    }

    /// Starts `command` under a watchdog that stops it with `signal` (`KILL`, `QUIT`, …) and
    /// then removes `folder`, if given.
    /// - Throws: ``ServiceSupportError/Code/processFailed`` naming the command.
    static func start(
        _ command: [String], signal: String, removing folder: URL? = nil, output: FileHandle?
    ) throws(ServiceSupportError) -> Started {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "watchdog", signal, folder?.path ?? ""] + command
        let lifeline = Pipe()
        process.standardInput = lifeline
        process.standardOutput = output
        process.standardError = output
        do {
            try process.run()
        } catch {
            throw ServiceSupportError(code: .processFailed, reason: "\(error)", input: command.first)
        }
        return Started(process: process, lifeline: lifeline.fileHandleForWriting)
    }

    /// `$1` the signal, `$2` the folder to remove afterwards (or empty), then the command.
    private static let script = """
        signal=$1; folder=$2; shift 2
        "$@" </dev/null & server=$!
        trap '' INT TERM HUP
        read ignored
        kill -$signal $server 2>/dev/null
        while [ -e /proc/$server ] && [ "$(cut -d' ' -f3 /proc/$server/stat 2>/dev/null)" != Z ]; do sleep 0.02; done
        if [ -n "$folder" ]; then rm -rf "$folder"; fi
        """
}
