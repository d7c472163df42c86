import Configuration
import Features
import Foundation
import ML
import ModelRegistry
import Pipeline
import ServiceSupport

/// The trainer's settings from `configs/trainer.yaml` (keys under `trainer.`), each overridable
/// by an environment variable (`trainer.volume.newLabels` → `TRAINER_VOLUME_NEW_LABELS`).
/// Thresholds and hyperparameters have no in-code defaults.
public struct TrainerConfiguration: Sendable {
    /// The service name on monitoring events and registry events.
    public var serviceName: String
    /// The consumer group of the control topic.
    public var groupId: String
    /// The regions to train a model for, for example `["US", "CA", "DE"]`.
    public var regions: [String]
    /// The model name of a region is this prefix plus the lowercased region: `homeprice-de`.
    public var modelNamePrefix: String
    /// The trainer's state folder (store snapshot, jobs, checkpoints).
    public var stateDirectory: URL
    /// The content-addressed artifact store.
    public var artifactsDirectory: URL
    /// The engine's settings for the trainer (`configs/model/trainer.json`).
    public var model: ModelFitConfig
    /// The feature steps' settings (`features.` in `pipeline.yaml`).
    public var features: FeatureSettings
    /// How missing inputs are imputed from neighbouring training homes; nil when
    /// `trainer.imputation.enabled` is false.
    public var imputation: ImputationSettings?
    /// A region with fewer labelled homes is not trained (it keeps its current model).
    public var minimumRows: Int
    /// The newest fraction of the labelled rows (by sale date) that validates.
    public var validationFraction: Double
    /// How often the triggers are evaluated.
    public var checkInterval: Duration
    /// How often the training store is saved (and its input offsets with it).
    public var snapshotInterval: Duration
    /// The weekly retraining slot.
    public var schedule: WeeklySchedule
    /// The time zone of each region's schedule.
    public var timeZones: [String: TimeZone]
    /// New labelled homes in a region since its last training that trigger a new one.
    public var volumeThreshold: Int
    /// A volume-triggered training waits until no row has arrived for this long.
    public var settle: Duration
    /// The validation gate.
    public var gate: GateSettings
    /// What an accepted candidate becomes.
    public var promotion: PromotionPolicy
    /// The bounds of the dead letters of unreadable inputs and commands
    /// (`pipeline.deadLetters.*`).
    public var deadLetters: DeadLetterPolicy = .standard

    /// The model name of `region`.
    public func modelName(of region: String) -> String { modelNamePrefix + region.lowercased() }

    /// Creates a configuration from its parts (tests).
    public init(
        serviceName: String, groupId: String, regions: [String], modelNamePrefix: String, stateDirectory: URL,
        artifactsDirectory: URL, model: ModelFitConfig, features: FeatureSettings, minimumRows: Int, validationFraction: Double,
        checkInterval: Duration, snapshotInterval: Duration, schedule: WeeklySchedule, timeZones: [String: TimeZone],
        volumeThreshold: Int, settle: Duration, gate: GateSettings, promotion: PromotionPolicy,
        imputation: ImputationSettings?
    ) {
        self.serviceName = serviceName
        self.groupId = groupId
        self.regions = regions
        self.modelNamePrefix = modelNamePrefix
        self.stateDirectory = stateDirectory
        self.artifactsDirectory = artifactsDirectory
        self.model = model
        self.features = features
        self.minimumRows = minimumRows
        self.validationFraction = validationFraction
        self.checkInterval = checkInterval
        self.snapshotInterval = snapshotInterval
        self.schedule = schedule
        self.timeZones = timeZones
        self.volumeThreshold = volumeThreshold
        self.settle = settle
        self.gate = gate
        self.promotion = promotion
        self.imputation = imputation
    }

    /// Reads the settings under `trainer.` and `features.`; relative paths resolve against
    /// the project root (`layout`), or the working directory without one.
    /// - Throws: ``TrainerError/Code/invalidConfiguration`` naming the key.
    public init(reader: ConfigReader, layout: ProjectLayout?) throws(TrainerError) {
        do {
            try self.init(settings: RequiredSettings(reader: reader), layout: layout)
        } catch let error as TrainerError {
            throw error
        } catch let error as ServiceSupportError {
            throw TrainerError(.invalidConfiguration, reason: error.reason, input: error.input)
        } catch let error as FeatureError {
            throw TrainerError(.invalidConfiguration, reason: error.reason, input: error.field)
        } catch {
            throw TrainerError(.invalidConfiguration, reason: "\(error)")
        }
    }

    private init(settings: RequiredSettings, layout: ProjectLayout?) throws {
        func path(_ key: String) throws -> URL { ProjectLayout.resolve(try settings.string(key), in: layout) }
        serviceName = try settings.string("trainer.serviceName")
        groupId = try settings.string("trainer.groupId")
        regions = try settings.strings("trainer.regions").map { $0.uppercased() }
        modelNamePrefix = try settings.string("trainer.modelNamePrefix")
        stateDirectory = try path("trainer.stateDirectory")
        artifactsDirectory = try path("trainer.artifactsDirectory")
        let modelPath = try path("trainer.modelConfig").path
        do {
            model = try ModelFitConfig.load(path: modelPath)
        } catch {
            throw TrainerError(.invalidConfiguration, reason: "\(error)", input: modelPath)
        }
        features = try FeatureSettings(reader: settings.reader)
        deadLetters = DeadLetterPolicy(reader: settings.reader.scoped(to: "pipeline.deadLetters"))
        imputation = try Self.imputation(settings)
        minimumRows = try settings.int("trainer.minimumRows", atLeast: 2)
        validationFraction = try settings.double("trainer.validationFraction", atLeast: 0.01, atMost: 0.9)
        checkInterval = .milliseconds(try settings.double("trainer.checkIntervalSeconds", atLeast: 0.01) * 1_000)
        snapshotInterval = .milliseconds(try settings.double("trainer.snapshotIntervalSeconds", atLeast: 0.01) * 1_000)
        schedule = WeeklySchedule(
            weekday: try settings.int("trainer.schedule.weekday", atLeast: 1),
            hour: try settings.int("trainer.schedule.hour", atLeast: 0),
            minute: try settings.int("trainer.schedule.minute", atLeast: 0))
        guard schedule.weekday <= 7, schedule.hour < 24, schedule.minute < 60 else {
            throw settings.invalid("trainer.schedule", "weekday 1–7, hour 0–23 and minute 0–59 are required")
        }
        var zones: [String: TimeZone] = [:]
        for (region, name) in try settings.pairs("trainer.schedule.timeZones") {
            guard let zone = TimeZone(identifier: name) else {
                throw settings.invalid("trainer.schedule.timeZones", "'\(name)' is not a time zone")
            }
            zones[region.uppercased()] = zone
        }
        for region in regions where zones[region] == nil {
            throw settings.invalid("trainer.schedule.timeZones", "region \(region) has no time zone")
        }
        for region in regions where features.region(region) == nil {
            throw settings.invalid("features.regions", "region \(region) has no feature settings")
        }
        timeZones = zones
        volumeThreshold = try settings.int("trainer.volume.newLabels", atLeast: 1)
        settle = .milliseconds(try settings.double("trainer.volume.settleSeconds", atLeast: 0) * 1_000)
        var guarded: [GuardedMetric] = []
        for name in try settings.strings("trainer.gate.guardedMetrics") {
            guard let metric = GuardedMetric(rawValue: name) else {
                throw settings.invalid("trainer.gate.guardedMetrics", "'\(name)' is not one of \(GuardedMetric.allCases.map(\.rawValue))")
            }
            guarded.append(metric)
        }
        var bounds: [GuardedMetric: Double] = [:]
        for (name, value) in try settings.pairs("trainer.gate.absoluteBounds") {
            guard let metric = GuardedMetric(rawValue: name), let bound = Double(value), bound.isFinite, bound > 0 else {
                throw settings.invalid("trainer.gate.absoluteBounds", "'\(name)=\(value)' is not metric=positive number")
            }
            bounds[metric] = bound
        }
        gate = GateSettings(
            tolerance: try settings.double("trainer.gate.tolerance", atLeast: 0),
            guardedMetrics: guarded,
            minSegmentRows: try settings.int("trainer.gate.minSegmentRows", atLeast: 1),
            priceBands: try settings.int("trainer.gate.priceBands", atLeast: 1),
            absoluteBounds: bounds,
            segmentNoiseStandardErrors: try settings.double("trainer.gate.segmentNoiseStandardErrors", atLeast: 0))
        let policy = try settings.string("trainer.promotion")
        guard let promotion = PromotionPolicy(rawValue: policy) else {
            throw settings.invalid("trainer.promotion", "'\(policy)' is not one of \(PromotionPolicy.allCases.map(\.rawValue))")
        }
        self.promotion = promotion
    }

    /// The imputation settings under `trainer.imputation.`, nil when it is not enabled.
    private static func imputation(_ settings: RequiredSettings) throws -> ImputationSettings? {
        guard try settings.bool("trainer.imputation.enabled") else { return nil }
        return ImputationSettings(
            targets: try settings.strings("trainer.imputation.targets"),
            distanceFeatures: try settings.strings("trainer.imputation.distanceFeatures"),
            groupFeature: try settings.string("trainer.imputation.groupFeature"),
            neighbours: try settings.int("trainer.imputation.neighbours", atLeast: 1),
            minGroupSize: try settings.int("trainer.imputation.minGroupSize", atLeast: 1),
            missingDistance: try settings.double("trainer.imputation.missingDistance", atLeast: 0),
            maxDonors: try settings.int("trainer.imputation.maxDonors", atLeast: 1))
    }
}
