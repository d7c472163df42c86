import ArgumentParser
import Foundation
import Kafka
import Pipeline
import Scenario
import Schema
import ServiceSupport

/// `homeprice demo`: the main job — the whole loop on the multi-source scenario, narrated live,
/// ending with a report in the terminal and as an HTML page.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract:
            "Run the whole loop on a fresh local cluster: sources → champions → predictions and feedback → a market shift → drift and accuracy alerts → retraining → an A/B experiment → promotion; then a report."
    )

    @Option(help: "Homes in the scenario (default demo.homes of configs/demo.yaml).")
    var homes: Int?

    @Option(help: "The scenario's seed (default demo.seed).")
    var seed: UInt64?

    @Option(help: "A demo configuration file instead of configs/demo.yaml.")
    var config: String?

    @Flag(
        help:
            "Chaos: SIGKILL every service once during the run (demo.chaos.*); the supervisor restarts them, the run must still lose nothing and fail no request."
    )
    var chaos = false

    func run() async throws {
        let started = ContinuousClock.now
        guard let layout = ProjectLayout.current() else {
            throw ValidationError("no HomePrice project here: run inside the project or set HOMEPRICE_ROOT")
        }
        var loaded = try await DemoSettings.load(layout: layout, file: config)
        if let homes { loaded.homes = homes }
        if let seed { loaded.seed = seed }
        let settings = loaded
        let view = DemoView(plainEvery: max(1, Int(settings.plainPanelInterval / settings.refresh)))
        let state = layout.stateDirectory()
        let controller = ClusterController(layout: layout, stateDirectory: state)
        if let running = try controller.runningState() {
            view.narrate("stopping the running cluster")
            try await controller.stop(running, timeout: .seconds(60))
        }
        for path in settings.resetPaths { try? FileManager.default.removeItem(at: state.appendingPathComponent(path)) }
        let manifest = try prepareScenario(settings: settings, folder: state.appendingPathComponent("scenario"), view: view)
        for (name, value) in settings.serviceEnvironment { setenv(name, value, 1) }
        setenv("SERVER_ADMIN_TOKEN", settings.adminToken, 1)
        view.narrate("starting the cluster: a fresh tansu broker and every service of configs/cluster.yaml")
        let cluster = try await controller.start(
            readyTimeout: .seconds(try await ClusterSettings.load(layout: layout).readyTimeoutSeconds))
        view.narrate("cluster up: broker \(cluster.bootstrapServers), \(cluster.services.count) services; logs in \(state.path)/logs")

        let environment = try await CLIEnvironment.load(label: "homeprice-demo")
        let watcher = DemoWatcher()
        let chaos =
            self.chaos
            ? DemoChaos(
                stateDirectory: state, interval: settings.chaosInterval, seed: settings.seed, spared: Set(settings.chaosSpared), view: view)
            : nil
        let expectedRaw = Int64(
            manifest.totalRecords + (manifest.homesPerRegion[settings.shift.region] ?? 0) + settings.shift.newBuilds)
        let outcome = try await KafkaProducer.withProducer(
            configuration: environment.kafka.producer(clientId: "homeprice-demo"), logger: environment.logger
        ) { producer in
            let client = DemoClient(settings: settings, producer: producer, watcher: watcher)
            return try await withThrowingTaskGroup(of: DemoOutcome?.self) { group in
                group.addTask {
                    try await watcher.follow(environment)
                    return nil
                }
                group.addTask {
                    let admin = try environment.admin()
                    let watched = try await ClusterSettings.load(layout: layout).watchedGroups
                    var lag: [KafkaConsumerLag] = []
                    var lagRead = ContinuousClock.now.advanced(by: .seconds(-3600))
                    var messages: [String: Int64] = [:]
                    while !Task.isCancelled {
                        // Each lag read opens a consumer handle per group: every lagInterval only.
                        if ContinuousClock.now - lagRead >= settings.lagInterval {
                            lag = await admin.lag(of: watched)
                            lagRead = .now
                        }
                        // A broker slow to answer skips a frame; it never ends the run.
                        messages = (try? await Self.topicMessages(admin)) ?? messages
                        let panel = DemoPanel(
                            topicMessages: messages, expectedRaw: expectedRaw, observations: watcher.observations,
                            regions: settings.regions, lag: lag, modelNamePrefix: settings.modelNamePrefix)
                        view.draw(panel.lines)
                        try await Task.sleep(for: settings.refresh)
                    }
                    return nil
                }
                if let chaos {
                    group.addTask {
                        try await chaos.run {
                            _ = try await watcher.wait("a champion in every region", timeout: settings.timeouts.champions) {
                                observations in
                                settings.regions.allSatisfy { observations.champion(of: $0, prefix: settings.modelNamePrefix) != nil }
                                    ? true : nil
                            }
                        }
                        return nil
                    }
                }
                group.addTask {
                    var outcome = try await DemoRun(
                        environment: environment, settings: settings, view: view, watcher: watcher, client: client
                    ).run()
                    outcome.kills = chaos?.done ?? []
                    return outcome
                }
                defer { group.cancelAll() }
                while let result = try await group.next() {
                    if let outcome = result { return outcome }
                }
                throw DemoFailure(reason: "the run ended without an outcome")
            }
        }
        try await report(
            outcome: outcome, observations: watcher.observations, environment: environment, settings: settings,
            seconds: Double((ContinuousClock.now - started).components.seconds), view: view)
    }

    /// Generates the scenario unless the folder already holds the one of this seed and size.
    private func prepareScenario(settings: DemoSettings, folder: URL, view: DemoView) throws -> ScenarioManifest {
        let manifestFile = folder.appendingPathComponent("manifest.json")
        if let data = try? Data(contentsOf: manifestFile), let manifest = try? JSONDecoder().decode(ScenarioManifest.self, from: data),
            manifest.seed == settings.seed, manifest.homes == settings.homes
        {
            return manifest
        }
        view.narrate("generating the multi-source scenario (seed \(settings.seed), \(settings.homes) homes)")
        try? FileManager.default.removeItem(at: folder)
        return try ScenarioGenerator(
            parameters: .init(seed: settings.seed, homes: settings.homes, output: folder, seedData: settings.seedData)
        ).generate()
    }

    /// Prints the report and writes it as HTML.
    private func report(
        outcome: DemoOutcome, observations: DemoObservations, environment: CLIEnvironment, settings: DemoSettings, seconds: Double,
        view: DemoView
    ) async throws {
        let admin = try environment.admin()
        let homes = try await LatestValueReader<Home>.snapshot(
            settings: environment.kafka, clientId: "homeprice-demo-report", timeout: settings.timeouts.report, logger: environment.logger)
        let tasks = try await LatestValueReader<ReviewTask>.snapshot(
            settings: environment.kafka, clientId: "homeprice-demo-report", timeout: settings.timeouts.report, logger: environment.logger)
        let report = DemoReport(
            topicMessages: try await Self.topicMessages(admin), canonicalHomes: homes.values.filter { $0.retiredInto == nil }.count,
            reviewTasks: Dictionary(tasks.values.map { ($0.kind.rawValue, 1) }, uniquingKeysWith: +),
            observations: observations, outcome: outcome, seconds: seconds, shiftRegion: settings.shift.region,
            priceFactor: settings.shift.priceFactor)
        for line in report.lines { view.narrate(line) }
        let page = settings.reportFile
        try FileManager.default.createDirectory(at: page.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(report.html.utf8).write(to: page)
        view.narrate("report: \(page.path) (also on the monitor's dashboard: \(settings.dashboardURL)report)")
        view.narrate(
            "the cluster keeps running: `homeprice tail predictions --human`, `homeprice models list`; stop it with `homeprice down`")
        if !outcome.failedRequests.isEmpty {
            throw DemoFailure(reason: "\(outcome.failedRequests.count) prediction requests failed")
        }
    }

    /// Messages per topic now.
    static func topicMessages(_ admin: KafkaAdmin) async throws -> [String: Int64] {
        var counts: [String: Int64] = [:]
        for topic in try await admin.listTopics() {
            counts[topic.name] = try await admin.watermarks(topic: topic.name, partitions: topic.partitions).messages
        }
        return counts
    }
}
