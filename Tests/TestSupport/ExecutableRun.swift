import Foundation
import ServiceSupport

/// One of the package's executables (or any program) run to completion as a child process.
public struct ExecutableRun: Sendable {
    /// The exit status.
    public let status: Int32
    /// What it wrote to standard error.
    public let errors: String

    /// A built product of this package, next to the test bundle (`.build/debug/<name>`).
    public static func product(_ name: String) -> URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Runs `executable arguments…` with `environment` added to this process's, and waits for it
    /// to exit; a run longer than `timeout` is terminated and reported as status -1.
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:], timeout: Duration = .seconds(180)
    ) async throws -> ExecutableRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errors) }
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        guard await ChildProcess.waitForExit(process, timeout: timeout) else {
            await ChildProcess.terminate(process, grace: .seconds(2))
            return ExecutableRun(status: -1, errors: "timed out after \(timeout)\n" + (try String(contentsOf: errors, encoding: .utf8)))
        }
        return ExecutableRun(status: process.terminationStatus, errors: try String(contentsOf: errors, encoding: .utf8))
    }
}
