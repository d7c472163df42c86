import Configuration
import Features
import Foundation
import NormalizerCore
import ServiceSupport

/// The server's settings: its own keys under `server.` (`configs/server.yaml`), the shared
/// feature settings (`features.`, `configs/pipeline.yaml`) for regions and currencies, and the
/// normalizer's mapping settings (`normalizer.`, `configs/normalizer.yaml`) for raw records;
/// each overridable by an environment variable (`SERVER_ADMIN_TOKEN`, `SERVER_HTTP_PORT`,
/// `SERVER_EXPERIMENTS_US_CANDIDATE_PERCENT`).
public struct ServerConfiguration: Sendable {
    /// The service name in client ids, dead letters, alerts and review tasks (`server-0`).
    public var serviceName: String
    /// The consumer group of `predictions.requests`; instances split its partitions.
    public var groupId: String
    /// The `target` of the `pipeline.control` commands this server takes (promote, rollback).
    public var controlTarget: String
    /// Where the HTTP API listens.
    public var host: String
    /// The HTTP port (0 picks a free one).
    public var port: Int
    /// The largest request body accepted, in bytes; larger ones get 413.
    public var maxBodyBytes: Int
    /// The most homes one request may ask for.
    public var maxBatchSize: Int
    /// The most contributions an explanation may list.
    public var maxExplanationFeatures: Int
    /// The bearer token of `/admin/...`; empty refuses every admin request.
    public var adminToken: String
    /// The model of region `R` is named this prefix plus `r` (`homeprice-de`).
    public var modelNamePrefix: String
    /// The content-addressed artifact store shared with the trainer.
    public var artifactsDirectory: URL
    /// A prediction whose interval is wider than this fraction of its value also raises a
    /// `review.tasks` task.
    public var reviewIntervalFraction: Double
    /// Pre- and post-processing around the model: rounding, currency table.
    public var output: OutputSettings
    /// The traffic plan of every region.
    public var experiments: [String: Experiment]
    /// How HTTP predictions are published on `predictions`: at most this many per send.
    public var publishBatchSize: Int
    /// How long a failed send waits before it is tried again.
    public var publishRetryDelay: Duration
    /// The journal HTTP predictions are written to before the answer.
    public var journal: JournalSettings
    /// The feature settings (regions, currencies).
    public var features: FeatureSettings
    /// The normalizer's settings: merge policy and exchange rates for raw records.
    public var normalizer: NormalizerConfiguration
    /// The folder of the configured source mappings (`configs/sources`).
    public var sourcesDirectory: URL

    /// The model of `region`.
    public func modelName(of region: String) -> String { modelNamePrefix + region.lowercased() }

    /// Reads every setting; paths resolve in `layout` (`.homeprice/…` in the state folder,
    /// others in the project root).
    ///
    /// - Throws: ``ServerError/Code/invalidConfiguration`` naming the missing or bad key.
    public init(reader: ConfigReader, layout: ProjectLayout?) throws(ServerError) {
        let settings = RequiredSettings(reader: reader)
        func path(_ text: String) -> URL { ProjectLayout.resolve(text, in: layout) }
        do throws(ServiceSupportError) {
            serviceName = try settings.string("server.serviceName")
            groupId = try settings.string("server.groupId")
            controlTarget = try settings.string("server.controlTarget")
            host = try settings.string("server.http.host")
            port = try settings.int("server.http.port", atLeast: 0)
            maxBodyBytes = try settings.int("server.http.maxBodyBytes", atLeast: 1)
            maxBatchSize = try settings.int("server.http.maxBatchSize", atLeast: 1)
            maxExplanationFeatures = try settings.int("server.maxExplanationFeatures", atLeast: 0)
            modelNamePrefix = try settings.string("server.modelNamePrefix")
            artifactsDirectory = path(try settings.string("server.artifactsDirectory"))
            sourcesDirectory = path(try settings.string("server.sourcesDirectory"))
            reviewIntervalFraction = try settings.double("server.reviewIntervalFraction", atLeast: 0)
            publishBatchSize = try settings.int("server.publishing.batchSize", atLeast: 1)
            publishRetryDelay = .milliseconds(try settings.int("server.publishing.retryDelayMilliseconds", atLeast: 1))
            let journalDirectory = try settings.string("server.journal.directory")
            journal = JournalSettings(
                directory: path(journalDirectory).appendingPathComponent(serviceName),
                segmentBytes: try settings.int("server.journal.segmentBytes", atLeast: 1),
                maxBytes: try settings.int("server.journal.maxBytes", atLeast: 1),
                syncEveryWrite: try settings.bool("server.journal.syncEveryWrite"))
            guard journal.segmentBytes <= journal.maxBytes else {
                throw settings.invalid("server.journal.segmentBytes", "a segment must fit in server.journal.maxBytes")
            }
        } catch {
            throw ServerError(.invalidConfiguration, reason: error.reason, field: error.input)
        }
        adminToken = reader.string(forKey: "server.adminToken", isSecret: true, default: "")
        do {
            features = try FeatureSettings(reader: reader)
        } catch {
            throw ServerError(.invalidConfiguration, reason: error.reason, field: error.field, input: error.input)
        }
        do {
            normalizer = try NormalizerConfiguration(reader: reader)
        } catch {
            throw ServerError(.invalidConfiguration, reason: error.reason, field: error.field, input: error.input)
        }
        output = try OutputSettings(reader: reader, regions: features.regions.keys.sorted())
        experiments = [:]
        for region in features.regions.keys.sorted() {
            experiments[region] = try Self.experiment(reader.scoped(to: ConfigKey("server.experiments.\(region)")), region: region)
        }
    }

    private static func experiment(_ reader: ConfigReader, region: String) throws(ServerError) -> Experiment {
        let field = "server.experiments.\(region)"
        let kindText = reader.string(forKey: "kind", default: Experiment.Kind.none.rawValue)
        guard let kind = Experiment.Kind(rawValue: kindText) else {
            throw ServerError(
                .invalidConfiguration, reason: "one of none, ab, canary is required", field: "\(field).kind", input: kindText)
        }
        let experiment = Experiment(
            id: reader.string(forKey: "id", default: "\(region.lowercased())-default"), kind: kind,
            control: ModelTarget(text: reader.string(forKey: "control", default: "champion")) ?? .alias("champion"),
            candidate: ModelTarget(text: reader.string(forKey: "candidate", default: "")),
            candidatePercent: reader.double(forKey: "candidatePercent", default: 0),
            shadow: ModelTarget(text: reader.string(forKey: "shadow", default: "")))
        return try experiment.validated(field: field)
    }
}
