import Configuration
import Foundation
import Logging
import ModelRegistry
import NormalizerCore
import Schema
import ServerCore
import ServiceSupport
import TestSupport

/// The server's real configuration (`configs/server.yaml`, `normalizer.yaml`, `pipeline.yaml`)
/// with its artifact store in a temporary folder, the two trained US models registered in it,
/// and components publishing into a ``RecordingPublisher``.
struct ServerFixture {
    static let adminToken = "test-admin-token"
    /// Quiet: the refusals tests provoke are asserted, not printed.
    static let logger: Logger = {
        var logger = Logger(label: "server-tests")
        logger.logLevel = .critical
        return logger
    }()

    let folder: URL
    let store: ArtifactStore
    var configuration: ServerConfiguration
    let publisher = RecordingPublisher()
    let files: [Data]

    init(environment: [String: String] = [:]) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("server-\(UUID().uuidString)")
        let reader = try await ConfigurationLoader.reader(
            layout: TestProject.layout, files: ServerService.configurationFiles + ["pipeline.yaml", "kafka.yaml"],
            environment: ["SERVER_ADMIN_TOKEN": Self.adminToken].merging(environment) { $1 })
        configuration = try ServerConfiguration(reader: reader, layout: TestProject.layout)
        configuration.artifactsDirectory = folder
        configuration.journal.directory = folder.appendingPathComponent("journal")
        store = try ArtifactStore(directory: folder)
        files = try await TrainedModels.shared.modelFiles()
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The registration and validation of model file `index` as `version` of `homeprice-us`.
    func register(file index: Int, version: String, at date: Date = Date(timeIntervalSince1970: 1_700_000_000)) throws -> [ModelEvent] {
        let artifact = try store.put(files[index])
        let card = try store.put(Data("{\"version\":\"\(version)\"}".utf8))
        let registered = ModelEvent.registered(
            modelName: "homeprice-us", version: version, algorithm: "gbm", featureSchemaVersion: 1, artifact: artifact, card: card,
            metrics: [:], actor: "trainer-0", at: date)
        return [registered, .validated(ModelVersion(registered)!, actor: "trainer-0", at: date.addingTimeInterval(1))]
    }

    /// The promotion of `version` to `alias` (moving from `previous`).
    func promotion(_ version: String, alias: String = ModelAlias.champion, previous: String? = nil, at date: Date) -> ModelEvent {
        .promoted(
            modelName: "homeprice-us", alias: alias, version: version, previousVersion: previous, actor: "test", reason: nil, at: date)
    }

    /// Versions 1 and 2 registered and validated, 1 the champion, 2 the challenger.
    func championAndChallenger() throws -> [ModelEvent] {
        let t = Date(timeIntervalSince1970: 1_700_000_100)
        return try register(file: 0, version: "1") + register(file: 1, version: "2") + [
            promotion("1", at: t), promotion("2", alias: ModelAlias.challenger, at: t),
        ]
    }

    /// A catalog over the fixture's store.
    func catalog(onRefusal: @escaping @Sendable (String, ServerError) -> Void = { _, _ in }) -> ModelCatalog {
        ModelCatalog(loader: ModelLoader(artifacts: store), logger: Self.logger, onRefusal: onRefusal)
    }

    /// A catalog with version 1 the champion and version 2 the challenger, ready (`ready`: the
    /// registry read to its end, as the warm-up at start declares it).
    func servingCatalog(ready: Bool = true) async throws -> ModelCatalog {
        let catalog = catalog()
        try await catalog.apply(try championAndChallenger())
        if ready { catalog.markReady() }
        return catalog
    }

    /// The server's components over `catalog`, publishing into ``publisher``.
    func components(catalog: ModelCatalog) throws -> ServerComponents {
        let sources = try SourceCatalog.load(directory: configuration.sourcesDirectory)
        return ServerComponents(
            configuration: configuration, catalog: catalog,
            rawRecords: RawRecordReader(catalog: sources, configuration: configuration.normalizer),
            queue: PublishingQueue(
                publisher: publisher, journal: try PublishingJournal(settings: configuration.journal, logger: Self.logger), batchSize: 100,
                retryDelay: .milliseconds(100), logger: Self.logger),
            publisher: publisher)
    }

    /// Real homes' features to price (sales the models did not learn from).
    static func requestHomes(count: Int) throws -> [HomeFeatures] {
        try RealHomes.ames(limit: 600 + count).suffix(count).map(\.features)
    }
}
