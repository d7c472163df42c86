import Features
import Foundation
import Logging
import ModelRegistry
import Schema
import ServiceSupport
import TrainerCore

/// What the benchmarks that run `homeprice-server` share: two model versions trained on the
/// Ames sales as the trainer trains, the server's command on a benchmark's broker, and a
/// process run on a free port until its health path answers.
struct BenchServer {
    let layout: ProjectLayout
    let logger: Logger

    /// The region of the models.
    static let region = "US"
    /// The admin token the benchmark's server accepts.
    static let adminToken = UUID().uuidString

    /// Trains two versions on the Ames sales as the trainer does (version 2 without every fifth
    /// home, so the two answer differently), stores their files, and returns the registry
    /// events that make version 1 the champion and version 2 a validated candidate.
    func trainModels(homes: [Home], workspace: URL, benchmark: String) async throws -> [ModelEvent] {
        let reader = try await ConfigurationLoader.reader(layout: layout, files: ["trainer.yaml", "pipeline.yaml"])
        let trainer = try TrainerConfiguration(reader: reader, layout: layout)
        let builder = FeatureRowBuilder(settings: trainer.features)
        let rows = homes.map { builder.build(from: $0, computedAt: $0.normalizedAt).row }
        let store = try ArtifactStore(directory: workspace.appendingPathComponent("artifacts"))
        let model = trainer.modelName(of: Self.region)
        var events: [ModelEvent] = []
        for (version, training) in [("1", rows), ("2", rows.enumerated().filter { $0.offset % 5 != 0 }.map(\.element))] {
            let candidate = try BenchModelTraining.train(
                rows: training, region: Self.region, currency: "USD", trainer: trainer,
                folder: workspace.appendingPathComponent("job-\(version)"), at: BenchScenario.fetchedAt, benchmark: benchmark)
            let registered = ModelEvent.registered(
                modelName: model, version: version, algorithm: "gbm", featureSchemaVersion: FeatureSchema.version,
                artifact: try store.put(candidate.file), card: try store.put(Data("{\"version\":\"\(version)\"}".utf8)), metrics: [:],
                actor: "bench-\(benchmark)", at: BenchScenario.fetchedAt)
            guard let registeredVersion = ModelVersion(registered) else {
                throw BenchmarkFailure(reason: "the registration of \(model)@\(version) names no version")
            }
            events += [
                registered, .validated(registeredVersion, actor: "bench-\(benchmark)", at: BenchScenario.fetchedAt.addingTimeInterval(1)),
            ]
        }
        return events + [
            .promoted(
                modelName: model, alias: ModelAlias.champion, version: "1", previousVersion: nil, actor: "bench-\(benchmark)", reason: nil,
                at: BenchScenario.fetchedAt.addingTimeInterval(2))
        ]
    }

    /// The command, arguments, environment and health path of a process listening on `port`.
    typealias Command = (Int) throws -> (executable: String, arguments: [String], environment: [String: String], health: String)

    /// `homeprice-server` next to this `homeprice`, on the benchmark's broker and artifacts.
    func serverCommand(bootstrap: String, workspace: URL) throws -> Command {
        guard let server = ServiceCommandResolver.resolve("homeprice-server", layout: layout) else {
            throw BenchmarkFailure(reason: "homeprice-server is not built next to homeprice (swift build -c release)")
        }
        return { port in
            (
                server.path, [],
                [
                    "HOMEPRICE_ROOT": layout.root.path, "KAFKA_BOOTSTRAP_SERVERS": bootstrap, "SERVER_HTTP_HOST": "127.0.0.1",
                    "SERVER_HTTP_PORT": "\(port)", "SERVER_ARTIFACTS_DIRECTORY": workspace.appendingPathComponent("artifacts").path,
                    "SERVER_ADMIN_TOKEN": Self.adminToken, "SERVER_SERVICE_NAME": "bench-server",
                    "SERVER_JOURNAL_DIRECTORY": workspace.appendingPathComponent("journal").path,
                ], "/health"
            )
        }
    }

    /// Starts `command` on a free port, waits until it answers 200 on its health path, runs
    /// `body` with the port, then stops the process (SIGTERM, SIGKILL after 10 s).
    func withProcess<Value>(
        _ command: Command, name: String, workspace: URL, _ body: (Int) async throws -> Value
    ) async throws -> Value {
        let port = LocalPort.free()
        let (executable, arguments, environment, health) = try command(port)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = layout.root
        let log = try LogFile.appendingHandle(
            workspace.appendingPathComponent("\(name.replacingOccurrences(of: " ", with: "-")).log"))
        process.standardOutput = log
        process.standardError = log
        do {
            try process.run()
        } catch {
            throw BenchmarkFailure(reason: "cannot start \(name) (\(executable)): \(error)")
        }
        do {
            try await BenchHTTP.waitUntilAnswering("http://127.0.0.1:\(port)\(health)", process: process, name: name)
            let value = try await body(port)
            await ChildProcess.terminate(process, grace: .seconds(10))
            return value
        } catch {
            await ChildProcess.terminate(process, grace: .seconds(10))
            throw error
        }
    }
}
