import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A private PostgreSQL server on 127.0.0.1, run from Debian's binaries under a ``Watchdog``:
/// a fresh cluster (`initdb`) in a temporary folder, trust authentication for the superuser
/// `postgres`, no durability (`fsync` off). The folder is removed when the server stops.
///
/// Tests start one per suite for the PostgreSQL warehouse. PostgreSQL refuses to run as root,
/// so a root process runs `initdb` and the server as the `postgres` user (whom Debian's
/// package creates), in a folder that user owns.
public final class PostgresServer: Sendable {
    /// The server's port on 127.0.0.1.
    public let port: Int
    /// The superuser's name.
    public let user = "postgres"
    private let binaries: URL
    private let watchdog: Watchdog.Started

    private init(port: Int, binaries: URL, started: Watchdog.Started) {
        self.port = port
        self.binaries = binaries
        self.watchdog = started
    }

    /// The URL of `database` on this server, as the superuser.
    public func url(database: String) -> String {
        "postgres://\(user)@127.0.0.1:\(port)/\(database)"
    }

    /// Creates an empty database named `name`.
    /// - Throws: ``ServiceSupportError/Code/processFailed`` with `createdb`'s output.
    public func createDatabase(_ name: String) async throws(ServiceSupportError) {
        try await Self.run(
            binaries.appendingPathComponent("createdb"), ["-h", "127.0.0.1", "-p", "\(port)", "-U", user, name], timeout: .seconds(30))
    }

    /// Starts a server on a free port and returns once it accepts connections, or throws after
    /// `timeout`.
    /// - Parameter binaries: The folder of `initdb` and `postgres`; by default
    ///   `HOMEPRICE_POSTGRES_BIN`, else the newest `/usr/lib/postgresql/*/bin`.
    /// - Throws: ``ServiceSupportError/Code/brokerMissing`` when PostgreSQL is not installed,
    ///   ``ServiceSupportError/Code/brokerUnavailable`` when it does not start or the task is
    ///   cancelled (nothing is left running).
    public static func start(binaries: URL? = nil, timeout: Duration = .seconds(60)) async throws(ServiceSupportError) -> PostgresServer {
        guard let binaries = binaries ?? installedBinaries() else {
            throw ServiceSupportError(
                code: .brokerMissing, reason: "PostgreSQL is not installed; run scripts/setup", input: "/usr/lib/postgresql")
        }
        let cancelled = ServiceSupportError(code: .brokerUnavailable, reason: "the start of PostgreSQL was cancelled", input: binaries.path)
        guard !Task.isCancelled else { throw cancelled }
        let asServerUser = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"] : []
        // The postgres user must reach the folder: root's own TMPDIR may be closed to it.
        let temporary = asServerUser.isEmpty ? FileManager.default.temporaryDirectory : URL(fileURLWithPath: "/tmp")
        let folder = temporary.appendingPathComponent("homeprice-postgres-\(UUID().uuidString)")
        let data = folder.appendingPathComponent("data")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            if !asServerUser.isEmpty {
                try FileManager.default.setAttributes(
                    [.ownerAccountName: "postgres", .groupOwnerAccountName: "postgres"], ofItemAtPath: folder.path)
            }
        } catch {
            throw ServiceSupportError(code: .stateFailed, reason: "cannot prepare the server's folder: \(error)", input: folder.path)
        }
        do {
            try await run(
                binaries.appendingPathComponent("initdb"),
                ["-D", data.path, "-U", "postgres", "--auth=trust", "--no-sync", "--encoding=UTF8", "--locale=C"],
                as: asServerUser, timeout: timeout)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        guard !Task.isCancelled else {
            try? FileManager.default.removeItem(at: folder)
            throw cancelled
        }
        let port = LocalPort.free()
        let log = folder.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let started = try Watchdog.start(
            asServerUser + [
                binaries.appendingPathComponent("postgres").path, "-D", data.path, "-h", "127.0.0.1", "-p", "\(port)",
                "-k", folder.path, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
            ],
            // Immediate shutdown: nothing is worth saving, and the folder goes with it.
            signal: "QUIT", removing: folder, output: FileHandle(forWritingAtPath: log.path))
        let server = PostgresServer(port: port, binaries: binaries, started: started)
        let probe = ["-q", "-h", "127.0.0.1", "-p", "\(port)", "-U", server.user]
        try await started.waitUntilReady(
            "PostgreSQL", input: "127.0.0.1:\(port)", timeout: timeout,
            detail: { String(((try? String(contentsOf: log, encoding: .utf8)) ?? "").suffix(2_000)) }
        ) {
            (try? await run(binaries.appendingPathComponent("pg_isready"), probe, timeout: .seconds(5))) != nil
        }
        return server
    }

    /// Stops the server (immediately: nothing is saved), removes its folder and waits for both.
    /// - Returns: Whether the watchdog exited on its own; `true` when already stopped.
    @discardableResult
    public func stop() async -> Bool {
        await watchdog.stop()
    }

    /// The newest installed PostgreSQL's binaries, or `HOMEPRICE_POSTGRES_BIN`.
    private static func installedBinaries() -> URL? {
        if let path = ProcessInfo.processInfo.environment["HOMEPRICE_POSTGRES_BIN"] {
            return URL(fileURLWithPath: path)
        }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        return versions.compactMap(Int.init).sorted().last.map { URL(fileURLWithPath: "/usr/lib/postgresql/\($0)/bin") }
            .flatMap { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("initdb").path) ? $0 : nil }
    }

    /// Runs `executable` (as the server's user when `prefix` says so) and waits for it to succeed.
    private static func run(
        _ executable: URL, _ arguments: [String], as prefix: [String] = [], timeout: Duration
    ) async throws(ServiceSupportError) {
        let process = Process()
        let command = prefix + [executable.path] + arguments
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ServiceSupportError(code: .processFailed, reason: "\(error)", input: executable.path)
        }
        guard await ChildProcess.waitForExit(process, timeout: timeout) else {
            await ChildProcess.terminate(process, grace: .seconds(1))
            throw ServiceSupportError(code: .processFailed, reason: "did not finish within \(timeout)", input: executable.path)
        }
        guard process.terminationStatus == 0 else {
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw ServiceSupportError(
                code: .processFailed, reason: "exited with status \(process.terminationStatus): \(text)", input: executable.path)
        }
    }
}
