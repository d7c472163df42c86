import Configuration
import Foundation
import Kafka
import NormalizerCore
import Pipeline
import Scenario
import Schema
import ServiceSupport
import TestSupport
import Testing

@testable import HomePriceCLI

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

#if canImport(Glibc)
    import Glibc
#endif

/// One run of a supervised local cluster (`homeprice up`) over a generated scenario: the
/// dataset producers publish it, the normalizer and the preprocessor stream it, the trainer
/// trains each region's champion on request, and the server answers prediction requests over
/// Kafka; afterwards everything downstream is read back for comparison. With chaos, each of
/// those services is SIGKILLed once at a point where it has work in hand (the supervisor
/// restarts it).
struct StreamClusterRun {
    /// Where two keyed outcomes differ: keys only in one, and the first differing values; empty
    /// when they are equal.
    static func difference<Value: Equatable>(_ left: [String: Value], _ right: [String: Value]) -> String {
        let onlyLeft = Set(left.keys).subtracting(right.keys).sorted()
        let onlyRight = Set(right.keys).subtracting(left.keys).sorted()
        let differing = Set(left.keys).intersection(right.keys).filter { left[$0] != right[$0] }.sorted()
        guard !onlyLeft.isEmpty || !onlyRight.isEmpty || !differing.isEmpty else { return "" }
        return
            "only in the first: \(onlyLeft.prefix(5)) (\(onlyLeft.count)); only in the second: \(onlyRight.prefix(5)) (\(onlyRight.count)); "
            + "\(differing.count) differ: "
            + differing.prefix(2).map { "\($0): \(String(describing: left[$0]!)) ≠ \(String(describing: right[$0]!))" }.joined(
                separator: " | ")
    }

    /// What a run left downstream, with the times of processing taken out (a canonical home's
    /// `normalizedAt`, a record's fetch time, a row's computation time, a prediction's time).
    struct Outcome: Equatable {
        /// The live canonical homes, the latest of each id on `homes.normalized`. Homes retired
        /// into another by a merge are left out: which transient home a record started before
        /// its match arrived depends on the sources' arrival order, even in undisturbed runs.
        var homes: [String: Home]
        /// The warehouse's live canonical homes by id.
        var warehouse: [String: Home]
        /// The feature rows of live homes, the latest of each home on `homes.features`.
        var rows: [String: FeatureRow]
        /// Every registry event as `model@version kind alias` with its metrics and artifact hash.
        var registry: [String]
        /// Each answered request id with the answering model version and the value.
        var answers: [String: String]
        /// The raw records (`source/recordId`) each live home was built from.
        var recordsOfLiveHomes: [String: Set<String>]

        /// The registry's events without their measured metrics: `model@version kind alias`.
        var registryHistory: [String] { registry.map { $0.split(separator: " ").prefix(3).joined(separator: " ") } }
    }

    /// The services killed, by name, in order.
    private(set) var kills: [String] = []

    let scenario: URL
    let manifest: ScenarioManifest
    let requests: [PredictionRequest]
    let chaos: Bool

    /// The dataset producers of the scenario (read once from files; no website needed).
    static let producers = [
        "us-open-data", "us-county-sales", "ca-mls-dataset", "ca-land-registry", "de-immobilien-csv", "de-kaufpreissammlung",
    ]
    static let regions = ["US", "CA", "DE"]

    /// Runs the cluster to the end and returns what it left.
    mutating func run() async throws -> Outcome {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("homeprice-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: state) }
        let port = LocalPort.free()
        let serverPort = LocalPort.free()
        let bootstrap = "127.0.0.1:\(port)"
        var environment = [
            "HOMEPRICE_STATE_DIR": state.path, "BROKER_PORT": String(port),
            "SERVICES_ENABLED": (["normalizer", "preprocessor", "trainer", "server"] + Self.producers).joined(separator: ","),
            "PRODUCER_DATA_ROOT": scenario.path, "SUPERVISOR_RESTART_DELAY_MS": "100",
            // Training only when asked, on the whole scenario, accepted into service at once.
            "TRAINER_VOLUME_NEW_LABELS": "1000000", "TRAINER_MINIMUM_ROWS": "20", "TRAINER_PROMOTION": "champion",
            "TRAINER_GATE_ABSOLUTE_BOUNDS": "mape=5", "SERVER_HTTP_PORT": String(serverPort),
        ]
        environment["KAFKA_BOOTSTRAP_SERVERS"] = bootstrap
        do {
            let up = try await HomepriceProcess.run(["up"], environment: environment)
            try #require(up.status == 0, "\(up.errors)")
            let outcome = try await drive(state: state, bootstrap: bootstrap, serverPort: serverPort, environment: environment)
            _ = try await HomepriceProcess.run(["down"], environment: environment)
            return outcome
        } catch {
            _ = try? await HomepriceProcess.run(["down"], environment: environment)
            throw error
        }
    }

    private mutating func drive(state: URL, bootstrap: String, serverPort: Int, environment: [String: String]) async throws -> Outcome {
        let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: bootstrap))
        let expectedRecords = Self.producers.reduce(0) { $0 + (manifest.recordsPerSource[$1] ?? 0) }

        // Ingestion: a producer killed while it publishes, the normalizer and the preprocessor
        // killed once their output has begun.
        if chaos {
            try await kill(
                "us-county-sales", state: state,
                once: {
                    _ = try await TopicContents.read(
                        of: [(Topic.homesRaw.name, Topic.homesRaw.defaultPartitionCount)], bootstrapServers: bootstrap,
                        timeout: .seconds(60), until: "the county's first records", as: \.keyString
                    ) { keys in keys.contains { $0.hasPrefix("us-county-sales/") } }
                    return true
                })
            try await kill("normalizer", state: state, once: { try await Self.messages(on: .homesNormalized, admin) > 0 })
            try await kill("preprocessor", state: state, once: { try await Self.messages(on: .homesFeatures, admin) > 0 })
        }
        try await withDeadline(.seconds(240), waitingFor: "the scenario's \(expectedRecords) records through both stages") {
            while true {
                if try await Self.distinctKeys(on: .homesRaw, bootstrap) >= expectedRecords,
                    try await admin.lag(group: "homeprice-normalizer", topic: Topic.homesRaw.name).total == 0,
                    try await admin.lag(group: "homeprice-preprocessor", topic: Topic.homesNormalized.name).total == 0
                {
                    return
                }
                try await Task.sleep(for: .milliseconds(250))
            }
        }

        // Training: one request per region; the trainer killed once it trains.
        for region in Self.regions {
            let train = try await HomepriceProcess.run(["models", "train", "--region", region], environment: environment)
            try #require(train.status == 0, "\(train.errors)")
        }
        if chaos {
            try await kill(
                "trainer", state: state,
                once: {
                    _ = try await waitForMessages(MonitoringEvent.self, on: bootstrap, timeout: .seconds(120), until: "training has begun")
                    {
                        $0.contains { $0.service.hasPrefix("trainer") && $0.kind == .trainingEpoch }
                    }
                    return true
                })
        }
        _ = try await waitForMessages(ModelEvent.self, on: bootstrap, timeout: .seconds(300), until: "a champion per region") { events in
            Set(events.filter { $0.kind == .promoted && $0.alias == "champion" }.map(\.modelName)).count == Self.regions.count
        }

        // Predictions over Kafka once the server serves every champion (a request for a region
        // without a model is dead-lettered); the server killed once it has answered some.
        try await withDeadline(.seconds(60), waitingFor: "the server to load every champion") {
            while try await Self.servedChampions(port: serverPort) < Self.regions.count { try await Task.sleep(for: .milliseconds(200)) }
        }
        try await KafkaTestClients.publish(requests, to: bootstrap)
        if chaos {
            try await kill("server", state: state, once: { try await Self.messages(on: .predictions, admin) > 0 })
        }
        let ids = Set(requests.map(\.requestId))
        let predictions = try await waitForMessages(
            Prediction.self, on: bootstrap, timeout: .seconds(180), until: "an answer to every request"
        ) { predictions in ids.isSubset(of: Set(predictions.map(\.requestId))) }

        let settings = try KafkaSettings(reader: ConfigReader(provider: InMemoryProvider(values: [:]))).connecting(to: bootstrap)
        let homes = try await LatestValueReader<Home>.snapshot(
            settings: settings, clientId: "test-stream-run", timeout: .seconds(60), logger: KafkaTestClients.logger)
        let rows = try await LatestValueReader<FeatureRow>.snapshot(
            settings: settings, clientId: "test-stream-run", timeout: .seconds(60), logger: KafkaTestClients.logger)
        let registry = try await TopicContents.read(
            topic: Topic.modelsRegistry.name, partitions: Topic.modelsRegistry.defaultPartitionCount, bootstrapServers: bootstrap
        ).compactMap { try? ModelEvent.decode(from: Data($0.value)) }
        return Outcome(
            homes: homes.filter { $0.value.retiredInto == nil }.mapValues(Self.withoutProcessingTimes),
            warehouse: try Self.warehouse(in: state),
            rows: rows.filter { !$0.value.retired }.mapValues(Self.withoutProcessingTimes),
            registry: registry.map {
                "\($0.modelName)@\($0.version) \($0.kind.rawValue) \($0.alias ?? "-") \($0.artifactSHA256 ?? "-") \($0.metrics.sorted { $0.key < $1.key })"
            }.sorted(),
            answers: Dictionary(
                predictions.map { ($0.requestId, "\($0.modelName)@\($0.modelVersion) \($0.value)") },
                uniquingKeysWith: { first, _ in first }),
            recordsOfLiveHomes: homes.filter { $0.value.retiredInto == nil }.mapValues { home in
                Set(home.provenance.values.joined().map { "\($0.sourceId)/\($0.recordId)" })
            })
    }

    /// Waits until `condition` holds, then SIGKILLs the service `name` (the supervisor restarts it).
    private mutating func kill(_ name: String, state: URL, once condition: @escaping @Sendable () async throws -> Bool) async throws {
        try await withDeadline(.seconds(120), waitingFor: "the moment to kill \(name)") {
            while try await !condition() { try await Task.sleep(for: .milliseconds(50)) }
        }
        guard let service = try ClusterState.read(from: state)?.services.first(where: { $0.name == name }), service.status == "running",
            let pid = service.pid
        else {
            Issue.record("\(name) was not running when its kill came")
            return
        }
        Glibc.kill(pid, SIGKILL)
        kills.append(name)
    }

    /// How many loaded model versions the server at `port` routes its champion alias to (0 while it does not answer).
    private static func servedChampions(port: Int) async throws -> Int {
        struct Listing: Decodable {
            struct Version: Decodable {
                var state: String
                var aliases: [String]
            }
            var models: [Version]
        }
        guard let url = URL(string: "http://127.0.0.1:\(port)/v1/models"),
            let (data, _) = try? await URLSession.shared.data(from: url),
            let listing = try? JSONDecoder().decode(Listing.self, from: data)
        else { return 0 }
        return listing.models.count { $0.state == "loaded" && $0.aliases.contains { $0.hasSuffix("champion") } }
    }

    /// Messages on `topic`, all its partitions.
    private static func messages(on topic: Topic, _ admin: KafkaAdmin) async throws -> Int64 {
        try await admin.watermarks(topic: topic.name, partitions: (0..<Int32(topic.defaultPartitionCount)).map { $0 })
            .messages
    }

    /// Distinct keys on `topic`.
    private static func distinctKeys(on topic: Topic, _ bootstrap: String) async throws -> Int {
        Set(
            try await TopicContents.read(topic: topic.name, partitions: topic.defaultPartitionCount, bootstrapServers: bootstrap)
                .compactMap(\.keyString)
        ).count
    }

    /// `home` with its processing times fixed: when it was normalized and when each record (and
    /// each price of its history) was fetched.
    private static func withoutProcessingTimes(_ home: Home) -> Home {
        var home = home
        home.normalizedAt = .distantPast
        home.priceHistory = home.priceHistory?.map { event in
            var event = event
            event.fetchedAt = .distantPast
            return event
        }
        home.provenance = home.provenance.mapValues { entries in
            entries.map { entry in
                var entry = entry
                entry.fetchedAt = .distantPast
                return entry
            }
        }
        return home
    }

    /// `row` with its computation time and the fetch time it was observed at (and labelled
    /// at, for a sale without a date) fixed.
    private static func withoutProcessingTimes(_ row: FeatureRow) -> FeatureRow {
        var row = row
        row.computedAt = .distantPast
        row.observedAt = row.observedAt.map { _ in .distantPast }
        row.labelDate = row.labelDate.map { _ in .distantPast }
        return row
    }

    /// The warehouse's live canonical homes with their processing times fixed.
    private static func warehouse(in state: URL) throws -> [String: Home] {
        let warehouse = try SQLiteWarehouse(path: state.appendingPathComponent("warehouse.sqlite").path)
        return Dictionary(try warehouse.homes().filter { $0.retiredInto == nil }.map { ($0.id, withoutProcessingTimes($0)) }) { first, _ in
            first
        }
    }
}
