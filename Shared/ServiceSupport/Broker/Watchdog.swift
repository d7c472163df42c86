import Foundation

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
    /// A started watchdog: its process and the write end of its standard input.
    struct Started {
        /// The watchdog shell.
        let process: Process
        /// Closing it stops the server, then the watchdog.
        let lifeline: FileHandle
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

    /// Closes `lifeline` (the server is stopped) and waits up to 5 s for the watchdog to exit,
    /// then terminates it.
    /// - Returns: Whether the watchdog exited on its own.
    static func stop(_ process: Process, lifeline: FileHandle) async -> Bool {
        try? lifeline.close()
        if await ChildProcess.waitForExit(process, timeout: .seconds(5)) { return true }
        await ChildProcess.terminate(process, grace: .seconds(1))
        return false
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
