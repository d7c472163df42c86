import Foundation
import ServiceSupport

/// The main job's settings (`configs/demo.yaml`, keys `demo.*`, each with an environment
/// override).
struct DemoSettings: Sendable {
    /// The client stream of held-out homes.
    struct Client: Sendable {
        var requestsPerRegion: Int
        var httpShare: Double
        var rawRecordShare: Double
        var clients: Int
        var batchSize: Int
        var retries: Int
        var retryDelay: Duration
        var requestTimeout: Duration
    }

    /// The market shift.
    struct Shift: Sendable {
        var region: String
        var priceFactor: Double
        var newBuilds: Int
        var newBuildsFromYear: Int
        var requests: Int
    }

    /// How long each wait may take.
    struct Timeouts: Sendable {
        var champions: Duration
        var answers: Duration
        var accuracy: Duration
        var challenger: Duration
        var verdict: Duration
        var report: Duration
    }

    var seed: UInt64
    var homes: Int
    var seedData: URL
    var regions: [String]
    /// The report page, where the monitor serves it (`monitor.reportFile`).
    var reportFile: URL
    var modelNamePrefix: String
    var resetPaths: [String]
    var serviceEnvironment: [String: String]
    var serverURL: String
    var adminToken: String
    var dashboardURL: String
    var client: Client
    var shift: Shift
    var experimentCandidatePercent: Double
    var experimentRequests: Int
    var timeouts: Timeouts
    var refresh: Duration
    var lagInterval: Duration
    var plainPanelInterval: Duration
    var chaosInterval: Duration
    var chaosSpared: [String]

    /// Reads `configs/demo.yaml` (or `file`) and `monitor.reportFile` of `configs/monitor.yaml`,
    /// with environment overrides.
    static func load(layout: ProjectLayout, file: String?) async throws -> DemoSettings {
        let settings = RequiredSettings(
            reader: try await ConfigurationLoader.reader(layout: layout, files: [file ?? "demo.yaml", "monitor.yaml"]))
        let seconds = { (key: String) throws(ServiceSupportError) in Duration.seconds(try settings.int("demo.timeouts.\(key)", atLeast: 1))
        }
        var environment: [String: String] = [:]
        for entry in try settings.strings("demo.serviceEnvironment") {
            guard let equals = entry.firstIndex(of: "="), equals != entry.startIndex else {
                throw settings.invalid("demo.serviceEnvironment", "`\(entry)` is not NAME=VALUE")
            }
            environment[String(entry[..<equals])] = String(entry[entry.index(after: equals)...])
        }
        return DemoSettings(
            seed: UInt64(try settings.int("demo.seed", atLeast: 0)),
            homes: try settings.int("demo.homes", atLeast: 1),
            seedData: layout.root.appendingPathComponent(try settings.string("demo.seedData")),
            regions: try settings.strings("demo.regions"),
            reportFile: layout.resolve(try settings.string("monitor.reportFile")),
            modelNamePrefix: try settings.string("demo.modelNamePrefix"),
            resetPaths: try settings.strings("demo.resetPaths"),
            serviceEnvironment: environment,
            serverURL: try settings.string("demo.serverURL"),
            adminToken: try settings.string("demo.adminToken"),
            dashboardURL: try settings.string("demo.dashboardURL"),
            client: Client(
                requestsPerRegion: try settings.int("demo.client.requestsPerRegion", atLeast: 1),
                httpShare: try settings.double("demo.client.httpShare", atLeast: 0, atMost: 1),
                rawRecordShare: try settings.double("demo.client.rawRecordShare", atLeast: 0, atMost: 1),
                clients: try settings.int("demo.client.clients", atLeast: 2),
                batchSize: try settings.int("demo.client.batchSize", atLeast: 1),
                retries: try settings.int("demo.client.retries", atLeast: 0),
                retryDelay: .milliseconds(try settings.int("demo.client.retryDelayMs", atLeast: 1)),
                requestTimeout: .milliseconds(try settings.int("demo.client.requestTimeoutMs", atLeast: 1))),
            shift: Shift(
                region: try settings.string("demo.shift.region"),
                priceFactor: try settings.double("demo.shift.priceFactor", atLeast: 0.01),
                newBuilds: try settings.int("demo.shift.newBuilds", atLeast: 0),
                newBuildsFromYear: try settings.int("demo.shift.newBuildsFromYear", atLeast: 0),
                requests: try settings.int("demo.shift.requests", atLeast: 1)),
            experimentCandidatePercent: try settings.double("demo.experiment.candidatePercent", atLeast: 1, atMost: 99),
            experimentRequests: try settings.int("demo.experiment.requests", atLeast: 1),
            timeouts: Timeouts(
                champions: try seconds("championsSeconds"), answers: try seconds("answersSeconds"),
                accuracy: try seconds("accuracySeconds"), challenger: try seconds("challengerSeconds"),
                verdict: try seconds("verdictSeconds"), report: try seconds("reportSeconds")),
            refresh: .milliseconds(try settings.int("demo.refreshMs", atLeast: 50)),
            lagInterval: .seconds(try settings.int("demo.lagIntervalSeconds", atLeast: 1)),
            plainPanelInterval: .seconds(try settings.int("demo.plainPanelSeconds", atLeast: 1)),
            chaosInterval: .seconds(try settings.int("demo.chaos.intervalSeconds", atLeast: 1)),
            chaosSpared: try settings.strings("demo.chaos.spared")
        )
    }
}
