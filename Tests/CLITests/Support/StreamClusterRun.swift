import Configuration
import Foundation
import Kafka
import NormalizerCore
import NormalizerEvaluation
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

/// One run of a supervised local cluster (`homeprice up`) over a generated scenario: the
/// scenario's website stands in for the outside world, the crawler and the agency feeds read it,
/// the dataset producers read their files, the normalizer and the preprocessor stream it all, the
/// trainer trains each region's champion on request, the server answers prediction requests over
/// Kafka and the monitor joins the answers' sale prices; afterwards everything downstream is read
/// back for comparison. With chaos, every service but the website is SIGKILLed once at a point
/// where it has work in hand (the supervisor restarts it).
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
        /// The monitor's distinct live-accuracy reports (`accuracy.live` on `pipeline.monitoring`):
        /// labels, then values to 10 significant digits (a window's mean sums its joins in
        /// arrival order, which partitions do not fix).
        var accuracy: [String]
        /// The monitor's prediction–sale-price join counters by outcome (`monitor_join_events`
        /// of its `/metrics`).
        var joins: [String: Double]
        /// For diagnosis only: every message on `homes.normalized` of each home the warehouse and
        /// the topic disagree on or that shares a record with another live home, in the order
        /// read (`partition@offset`, retired into, normalized at, records); empty when none.
        var suspectHistories: [String: [String]]
        /// The live homes whose newest message on `homes.normalized`, or newest row on
        /// `homes.features`, is not of the version the warehouse holds, each with the versions
        /// found; empty when none.
        var staleVersions: [String]

        /// The registry's events without their measured metrics: `model@version kind alias`.
        var registryHistory: [String] { registry.map { $0.split(separator: " ").prefix(3).joined(separator: " ") } }
    }

    /// The services killed, by name, in order.
    private(set) var kills: [String] = []

    let scenario: URL
    /// The raw records (`source/recordId`) the sources publish (``publishedRecords(scenario:)``).
    let records: Set<String>
    let requests: [PredictionRequest]
    /// The sale price of each request's home, by request id: the answers' feedback.
    let salePrices: [String: Double]
    let chaos: Bool

    /// The dataset producers of the scenario (read once from files, or watching a drop folder).
    static let producers = [
        "us-open-data", "us-county-sales", "ca-mls-dataset", "ca-land-registry", "de-immobilien-csv", "de-kaufpreissammlung",
    ]
    /// The agency feeds, paged from the scenario's website.
    static let feeds = ["us-agency-flat", "de-agency-nested"]
    /// The scenario's website and feeds: the outside world, never killed.
    static let website = "scenario-web"
    /// Every service of the cluster, in start order.
    static let services = ["normalizer", "preprocessor", "trainer", "server", "monitor", website, "crawler"] + feeds + producers
    /// The services chaos kills: all but the website.
    static let killable = services.filter { $0 != website }
    static let regions = ["US", "CA", "DE"]

    /// The service that publishes `source`'s records: the crawler for the website's listings,
    /// else the producer named after the source.
    static func service(publishing source: String) -> String {
        source == ScenarioSource.usListingsWeb.id ? "crawler" : source
    }

    /// The raw records (`source/recordId`) the cluster's sources publish from `scenario`: every
    /// record of every source but the website's listings that always fail (the crawler reports
    /// those and publishes nothing).
    static func publishedRecords(scenario: URL) throws -> Set<String> {
        let reachable = Set(try ScenarioWebsite(scenario: scenario).site.reachableListings.map(\.listingId))
        return Set(
            try ScenarioRecords.load(folder: scenario, fetchedAt: Date())
                .filter { $0.sourceId != ScenarioSource.usListingsWeb.id || reachable.contains($0.recordId) }
                .map { "\($0.sourceId)/\($0.recordId)" })
    }

    /// Runs the cluster to the end and returns what it left.
    mutating func run() async throws -> Outcome {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("homeprice-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: state) }
        let ports = Ports.free()
        let environment = try environment(state: state, ports: ports)
        let killer = ServiceKiller(state: state)
        do {
            let up = try await HomepriceProcess.run(["up"], environment: environment)
            try #require(up.status == 0, "\(up.errors)")
            let outcome = try await drive(state: state, ports: ports, environment: environment, killer: killer)
            kills = killer.kills
            _ = try await HomepriceProcess.run(["down"], environment: environment)
            return outcome
        } catch {
            _ = try? await HomepriceProcess.run(["down"], environment: environment)
            throw error
        }
    }

    /// The local ports of one run.
    private struct Ports {
        var broker: Int
        var server: Int
        var monitor: Int
        var website: Int
        var bootstrap: String { "127.0.0.1:\(broker)" }

        /// Four distinct ports, each free right now.
        static func free() -> Ports {
            var ports: [Int] = []
            while ports.count < 4 {
                let port = LocalPort.free()
                if !ports.contains(port) { ports.append(port) }
            }
            return Ports(broker: ports[0], server: ports[1], monitor: ports[2], website: ports[3])
        }
    }

    /// The cluster's settings for this run: every service on its own ports, the website's
    /// readers pointed at it, and the paces that leave each service work in hand to be killed
    /// with.
    private func environment(state: URL, ports: Ports) throws -> [String: String] {
        let environment = [
            "HOMEPRICE_STATE_DIR": state.path, "BROKER_PORT": String(ports.broker), "KAFKA_BOOTSTRAP_SERVERS": ports.bootstrap,
            "SERVICES_ENABLED": Self.services.joined(separator: ","), "SUPERVISOR_RESTART_DELAY_MS": "100",
            "PRODUCER_DATA_ROOT": scenario.path,
            // One record per awaited batch, under each producer's own cap (``paces``): a file or a
            // feed page takes seconds, so its producer is still at work when its first records
            // arrive.
            "PRODUCER_PUBLISH_BATCH_SIZE": "1",
            "SERVICES_SCENARIO_WEB_ARGUMENTS": ["scenario", "web", "--scenario", scenario.path, "--port", String(ports.website)]
                .joined(separator: ","),
            "CRAWLER_SITE_START_URLS": "http://127.0.0.1:\(ports.website)/search?page=1",
            "CRAWLER_SITE_ALLOWED_HOSTS": "127.0.0.1:\(ports.website)", "CRAWLER_POLITENESS_DELAY_MS": "50",
            // Training only when asked, on the whole scenario, accepted into service at once.
            "TRAINER_VOLUME_NEW_LABELS": "1000000", "TRAINER_MINIMUM_ROWS": "20", "TRAINER_PROMOTION": "champion",
            "TRAINER_GATE_ABSOLUTE_BOUNDS": "mape=5", "SERVER_HTTP_PORT": String(ports.server),
            // The monitor checks live accuracy at each half of a region's sale prices and asks
            // for no training: the registry stays the trainer's answers to the requests.
            "MONITOR_HTTP_PORT": String(ports.monitor), "MONITOR_ACCURACY_CHECK_EVERY_JOINS": String(try feedbackHalf()),
            "MONITOR_ALERTS_RETRAIN_ON_DRIFT": "false", "MONITOR_ALERTS_RETRAIN_ON_ACCURACY": "false",
        ]
        // Each feed's and dataset producer's own producer file: the feeds pointed at this run's
        // website, every one paced.
        let producers = try ProducerFiles.written(
            feeds: Self.feeds, pointedAt: "127.0.0.1:\(ports.website)", paces: paces, in: state.appendingPathComponent("producers"))
        return environment.merging(producers) { _, producer in producer }
    }

    /// How many seconds each dataset producer and agency feed publishes at least: long enough
    /// that its kill, which waits for its first record on `homes.raw` through a reader started
    /// after `up`, still finds it at work on a loaded machine (a 36-record file published at the
    /// linger's pace, under two seconds, once ended before its kill came).
    static let publishingSeconds = 8

    /// Each dataset producer's and feed's records-per-second cap: its records over
    /// ``publishingSeconds``, rounded down, so each publishes for at least that long.
    private var paces: [String: Int] {
        let counts = Dictionary(grouping: records) { String($0.prefix { $0 != "/" }) }.mapValues(\.count)
        return Dictionary(
            uniqueKeysWithValues: (Self.feeds + Self.producers).map { ($0, max(1, (counts[$0] ?? 0) / Self.publishingSeconds)) })
    }

    /// Half of each region's requests: every region has as many, an even number, so the
    /// monitor's checks at each half cover the same joins in every run.
    private func feedbackHalf() throws -> Int {
        let counts = Set(Dictionary(grouping: requests, by: \.features.region).values.map(\.count))
        let count = try #require(counts.first, "no requests")
        try #require(counts.count == 1 && count % 2 == 0, "every region needs the same even number of requests: \(counts)")
        return count / 2
    }

    private func drive(state: URL, ports: Ports, environment: [String: String], killer: ServiceKiller) async throws -> Outcome {
        let bootstrap = ports.bootstrap
        let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: bootstrap))

        // Ingestion: each source's publisher killed as its first records arrive (a file or a
        // feed page half published, a crawl under way), the normalizer and the preprocessor
        // killed once their output has begun.
        if chaos {
            async let publishers: Void = Self.killPublishers(killer, bootstrap)
            try await killer.kill("normalizer", once: { try await Self.messages(on: .homesNormalized, admin) > 0 })
            try await killer.kill("preprocessor", once: { try await Self.messages(on: .homesFeatures, admin) > 0 })
            try await publishers
        }
        try await withDeadline(.seconds(240), waitingFor: "the scenario's \(records.count) records through both stages") { [records] in
            while true {
                if try await Self.keys(on: .homesRaw, bootstrap).isSuperset(of: records),
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
            try await killer.kill(
                "trainer",
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
        try await withDeadline(.seconds(180), waitingFor: "the server to load every champion") {
            while try await Self.servedChampions(port: ports.server) < Self.regions.count { try await Task.sleep(for: .milliseconds(200)) }
        }
        try await KafkaTestClients.publish(requests, to: bootstrap)
        if chaos {
            try await killer.kill("server", once: { try await Self.messages(on: .predictions, admin) > 0 })
        }
        let ids = Set(requests.map(\.requestId))
        let predictions = try await waitForMessages(
            Prediction.self, on: bootstrap, timeout: .seconds(180), until: "an answer to every request"
        ) { predictions in ids.isSubset(of: Set(predictions.map(\.requestId))) }
        let answers = Dictionary(predictions.map { ($0.requestId, $0) }, uniquingKeysWith: { first, _ in first })

        // Feedback: each answer's sale price, a region's first half, then its second. The monitor
        // is killed with the first half joined and the second half's predictions waiting for
        // their prices: it rebuilds its join from the topics, and reports the first half again,
        // before the second half is sent.
        let half = try feedbackHalf()
        let regionRequests = Dictionary(grouping: requests, by: \.features.region).values
        let feedback = { (asked: [PredictionRequest]) in
            asked.compactMap { request -> Feedback? in
                guard let answer = answers[request.requestId], let price = salePrices[request.requestId] else { return nil }
                return Feedback(
                    feedbackId: "sale-\(answer.predictionId)", predictionId: answer.predictionId, kind: .salePrice, value: price,
                    currency: answer.currency, submittedBy: request.clientId, at: Date())
            }
        }
        try await KafkaTestClients.publish(feedback(regionRequests.flatMap { $0.prefix(half) }), to: bootstrap)
        _ = try await Self.accuracyReports(covering: half, times: 1, bootstrap)
        if chaos {
            killer.kill("monitor")
            _ = try await Self.accuracyReports(covering: half, times: 2, bootstrap)
        }
        try await KafkaTestClients.publish(feedback(regionRequests.flatMap { $0.dropFirst(half) }), to: bootstrap)
        let reports = try await Self.accuracyReports(covering: 2 * half, times: 1, bootstrap)
        let joins = try await Self.joinCounters(port: ports.monitor)

        let settings = try KafkaSettings(reader: ConfigReader(provider: InMemoryProvider(values: [:]))).connecting(to: bootstrap)
        let homes = try await LatestValueReader<Home>.snapshot(
            settings: settings, clientId: "test-stream-run", timeout: .seconds(60), logger: KafkaTestClients.logger)
        let rows = try await LatestValueReader<FeatureRow>.snapshot(
            settings: settings, clientId: "test-stream-run", timeout: .seconds(60), logger: KafkaTestClients.logger)
        let registry = try await TopicContents.read(
            topic: Topic.modelsRegistry.name, partitions: Topic.modelsRegistry.defaultPartitionCount, bootstrapServers: bootstrap
        ).compactMap { try? ModelEvent.decode(from: Data($0.value)) }
        let storedHomes = try Self.warehouse(in: state)
        let warehouse = storedHomes.mapValues(Self.withoutProcessingTimes)
        let staleVersions = storedHomes.values.compactMap { stored -> String? in
            let published = homes[stored.id]?.version, row = rows[stored.id]?.homeVersion
            guard published != stored.version || row != stored.version else { return nil }
            return "\(stored.id): warehouse v\(stored.version ?? 0), homes.normalized v\(published ?? 0), homes.features v\(row ?? 0)"
        }.sorted()
        let liveHomes = homes.filter { $0.value.retiredInto == nil }.mapValues(Self.withoutProcessingTimes)
        return Outcome(
            homes: liveHomes,
            warehouse: warehouse,
            rows: rows.filter { !$0.value.retired }.mapValues(Self.withoutProcessingTimes),
            registry: registry.map {
                "\($0.modelName)@\($0.version) \($0.kind.rawValue) \($0.alias ?? "-") \($0.artifactSHA256 ?? "-") \($0.metrics.sorted { $0.key < $1.key })"
            }.sorted(),
            answers: answers.mapValues { "\($0.modelName)@\($0.modelVersion) \($0.value)" },
            recordsOfLiveHomes: liveHomes.mapValues(Self.recordKeys(of:)),
            accuracy: Set(
                reports.map { report in
                    (report.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                        + report.values.sorted { $0.key < $1.key }.map { "\($0.key)=\(String(format: "%.10g", $0.value))" })
                        .joined(separator: " ")
                }
            ).sorted(),
            joins: joins,
            suspectHistories: try await Self.histories(of: Self.suspects(live: liveHomes, warehouse: warehouse), bootstrap),
            staleVersions: staleVersions)
    }

    /// The homes a run's checks would fail on: live on `homes.normalized` or in the warehouse
    /// but not both, or different in the two, or sharing a record with another live home.
    private static func suspects(live homes: [String: Home], warehouse: [String: Home]) -> Set<String> {
        var suspects = Set(homes.keys).symmetricDifference(warehouse.keys)
        suspects.formUnion(Set(homes.keys).intersection(warehouse.keys).filter { homes[$0] != warehouse[$0] })
        let owners = Dictionary(
            grouping: homes.values.flatMap { home in recordKeys(of: home).map { ($0, home.id) } },
            by: \.0)
        for (_, sharing) in owners where Set(sharing.map(\.1)).count > 1 { suspects.formUnion(sharing.map(\.1)) }
        return suspects
    }

    /// The raw records (`source/recordId`) a home was built from, by its provenance.
    private static func recordKeys(of home: Home) -> Set<String> {
        Set(home.provenance.values.joined().map { "\($0.sourceId)/\($0.recordId)" })
    }

    /// Every message on `homes.normalized` of each of `ids`, described for a failure message.
    private static func histories(of ids: Set<String>, _ bootstrap: String) async throws -> [String: [String]] {
        guard !ids.isEmpty else { return [:] }
        let messages = try await TopicContents.read(
            topic: Topic.homesNormalized.name, partitions: Topic.homesNormalized.defaultPartitionCount, bootstrapServers: bootstrap)
        var histories: [String: [String]] = [:]
        for message in messages {
            guard let id = message.keyString, ids.contains(id), let home = try? Home.decode(from: Data(message.value)) else { continue }
            histories[id, default: []].append(
                "\(message.partition)@\(message.offset) retiredInto=\(home.retiredInto ?? "-") at=\(home.normalizedAt.timeIntervalSince1970) "
                    + "records=\(recordKeys(of: home).sorted())")
        }
        return histories
    }

    /// SIGKILLs the publisher of each source (``service(publishing:)``) as soon as the source's
    /// first record is on `homes.raw`.
    private static func killPublishers(_ killer: ServiceKiller, _ bootstrap: String) async throws {
        let sources = Set(ScenarioSource.allCases.map(\.id))
        _ = try await TopicContents.read(
            of: [(Topic.homesRaw.name, Topic.homesRaw.defaultPartitionCount)], bootstrapServers: bootstrap, timeout: .seconds(120),
            until: "every source's first records", as: { $0.keyString?.split(separator: "/").first.map(String.init) }
        ) { seen in
            if let source = seen.last, !seen.dropLast().contains(source) { killer.kill(service(publishing: source)) }
            return Set(seen).isSuperset(of: sources)
        }
    }

    /// The monitor's `accuracy.live` reports once, for every region, at least `times` of them
    /// cover `joins` joins.
    private static func accuracyReports(covering joins: Int, times: Int, _ bootstrap: String) async throws -> [MonitoringEvent] {
        try await waitForMessages(
            MonitoringEvent.self, on: bootstrap, timeout: .seconds(120),
            until: "\(times) live accuracy reports over \(joins) joins per region"
        ) { events in
            let covering = events.filter { $0.service == "monitor" && $0.name == "accuracy.live" && $0.values["count"] == Double(joins) }
            return regions.allSatisfy { region in covering.count { $0.labels["region"] == region } >= times }
        }.filter { $0.service == "monitor" && $0.name == "accuracy.live" }
    }

    /// The monitor's join counters from its `/metrics` (`monitor_join_events{outcome="…"} value`),
    /// once it answers.
    private static func joinCounters(port: Int) async throws -> [String: Double] {
        try await withDeadline(.seconds(120), waitingFor: "the monitor's /metrics") {
            while true {
                if let url = URL(string: "http://127.0.0.1:\(port)/metrics"),
                    let (data, _) = try? await URLSession.shared.cancellableData(from: url)
                {
                    var counters: [String: Double] = [:]
                    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix("monitor_join_events{") {
                        let parts = line.split(separator: "\"")
                        guard parts.count == 3, let value = Double(parts[2].dropFirst(2).trimmingCharacters(in: .whitespaces)) else {
                            continue
                        }
                        counters[String(parts[1])] = value
                    }
                    if !counters.isEmpty { return counters }
                }
                try await Task.sleep(for: .milliseconds(200))
            }
        }
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
            let (data, _) = try? await URLSession.shared.cancellableData(from: url),
            let listing = try? JSONDecoder().decode(Listing.self, from: data)
        else { return 0 }
        return listing.models.count { $0.state == "loaded" && $0.aliases.contains { $0.hasSuffix("champion") } }
    }

    /// Messages on `topic`, all its partitions.
    private static func messages(on topic: Topic, _ admin: KafkaAdmin) async throws -> Int64 {
        try await admin.watermarks(topic: topic.name, partitions: (0..<Int32(topic.defaultPartitionCount)).map { $0 })
            .messages
    }

    /// The keys on `topic`.
    private static func keys(on topic: Topic, _ bootstrap: String) async throws -> Set<String> {
        Set(
            try await TopicContents.read(topic: topic.name, partitions: topic.defaultPartitionCount, bootstrapServers: bootstrap)
                .compactMap(\.keyString))
    }

    /// `home` with its processing times fixed: when it was normalized and when each record (and
    /// each price of its history) was fetched; and without its version number, which counts the
    /// changes the arrival order made (``Outcome/staleVersions`` checks it within a run).
    private static func withoutProcessingTimes(_ home: Home) -> Home {
        var home = home
        home.normalizedAt = .distantPast
        home.version = nil
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
    /// at, for a sale without a date) fixed, and without its home's version number.
    private static func withoutProcessingTimes(_ row: FeatureRow) -> FeatureRow {
        var row = row
        row.computedAt = .distantPast
        row.homeVersion = nil
        row.observedAt = row.observedAt.map { _ in .distantPast }
        row.labelDate = row.labelDate.map { _ in .distantPast }
        return row
    }

    /// The warehouse's live canonical homes.
    private static func warehouse(in state: URL) throws -> [String: Home] {
        let warehouse = try SQLiteWarehouse(path: state.appendingPathComponent("warehouse.sqlite").path)
        return Dictionary(try warehouse.homes().filter { $0.retiredInto == nil }.map { ($0.id, $0) }) { first, _ in first }
    }
}
