import Configuration
import Foundation
import ServiceSupport

/// The normalizer's settings from `configs/normalizer.yaml` (keys under `normalizer.`), each
/// overridable by an environment variable (`NORMALIZER_RESOLUTION_MERGE_THRESHOLD`).
///
/// Thresholds, weights, trust and exchange rates have no in-code defaults: a missing one is a
/// configuration error.
public struct NormalizerConfiguration: Sendable, Equatable {
    /// The service name in dead letters and review tasks, for example `normalizer-0`.
    public var serviceName: String
    /// The consumer group of the normalizer instances.
    public var groupId: String
    /// Which database holds the warehouse: a SQLite file (``warehousePath``) or PostgreSQL
    /// (``warehousePostgresURL``).
    public var warehouseKind: WarehouseKind
    /// The SQLite warehouse file, relative to the project root unless absolute.
    public var warehousePath: String
    /// The PostgreSQL warehouse, as `postgres://user[:password]@host[:port]/database`; required
    /// when ``warehouseKind`` is ``WarehouseKind/postgres``.
    public var warehousePostgresURL: String?
    /// How long a batch waits for the warehouse while another normalizer process sharing it
    /// holds its write lock, before the batch fails (and the service stops).
    public var warehouseBusyTimeout: Duration
    /// How many mapped records the warehouse keeps decoded in memory for entity resolution
    /// (candidates and cluster members are then read without decoding their JSON).
    public var warehouseRecordCacheSize: Int
    /// How many MiB (2^20 bytes) of pages a SQLite warehouse keeps in memory: a batch's changed
    /// pages are then written once, at its commit, instead of spilled and written again
    /// mid-batch.
    public var warehousePageCacheMB: Int
    /// How many MiB a SQLite warehouse's write-ahead log may hold before a commit copies them
    /// into the database file itself; below that, a thread of its own does it after each
    /// commit, off the batch's critical path.
    public var warehouseCheckpointLimitMB: Int
    /// How many MiB a commit leaves in a SQLite warehouse's write-ahead log before it asks the
    /// background thread for a checkpoint: smaller commits gather in the log first.
    public var warehouseCheckpointBackgroundMB: Int
    /// How a PostgreSQL warehouse compresses the homes and records it stores.
    public var warehousePostgresCompression: PostgresCompression
    /// The folder of the source mapping files, relative to the project root unless absolute.
    public var sourcesDirectory: String
    /// How long a batch holding a record of a source not (yet) in the catalog waits for the
    /// catalog reader to read `sources.catalog` to its end before that record is dead-lettered
    /// as `unknownSource`: a producer announces its source just before its records, and the
    /// reader may not have read the announcement yet.
    public var unknownSourceWait: Duration
    /// Entity-resolution thresholds and weights.
    public var resolution: ResolutionSettings
    /// The merge policy.
    public var merge: MergePolicy
    /// Rates for ``Schema/Home/priceInUSD``.
    public var exchangeRates: ExchangeRates

    /// Creates a configuration.
    public init(
        serviceName: String,
        groupId: String,
        warehouseKind: WarehouseKind = .sqlite,
        warehousePath: String,
        warehousePostgresURL: String? = nil,
        warehouseBusyTimeout: Duration,
        warehouseRecordCacheSize: Int,
        warehousePageCacheMB: Int = 64,
        warehouseCheckpointLimitMB: Int = 64,
        warehouseCheckpointBackgroundMB: Int = 1,
        warehousePostgresCompression: PostgresCompression = .lz4,
        sourcesDirectory: String,
        unknownSourceWait: Duration,
        resolution: ResolutionSettings,
        merge: MergePolicy,
        exchangeRates: ExchangeRates
    ) {
        self.serviceName = serviceName
        self.groupId = groupId
        self.warehouseKind = warehouseKind
        self.warehousePath = warehousePath
        self.warehousePostgresURL = warehousePostgresURL
        self.warehouseBusyTimeout = warehouseBusyTimeout
        self.warehouseRecordCacheSize = warehouseRecordCacheSize
        self.warehousePageCacheMB = warehousePageCacheMB
        self.warehouseCheckpointLimitMB = warehouseCheckpointLimitMB
        self.warehouseCheckpointBackgroundMB = warehouseCheckpointBackgroundMB
        self.warehousePostgresCompression = warehousePostgresCompression
        self.sourcesDirectory = sourcesDirectory
        self.unknownSourceWait = unknownSourceWait
        self.resolution = resolution
        self.merge = merge
        self.exchangeRates = exchangeRates
    }

    /// Reads the settings under `normalizer.`.
    /// - Throws: ``NormalizationError/Code/invalidConfiguration`` naming the missing or bad key.
    public init(reader: ConfigReader) throws(NormalizationError) {
        let root = reader.scoped(to: "normalizer")
        let settings = Settings()
        let resolution = root.scoped(to: "resolution")
        let weights = resolution.scoped(to: "weights")
        let merge = root.scoped(to: "merge")
        let rates = root.scoped(to: "exchangeRates")
        serviceName = root.string(forKey: "serviceName", default: "normalizer-0")
        groupId = root.string(forKey: "groupId", default: "homeprice-normalizer")
        let kindName = root.string(forKey: "warehouseKind", default: WarehouseKind.sqlite.rawValue)
        guard let kind = WarehouseKind(rawValue: kindName) else {
            throw settings.invalid("warehouseKind", "'\(kindName)' is not one of sqlite, postgres")
        }
        warehouseKind = kind
        warehousePath = root.string(forKey: "warehousePath", default: ".homeprice/warehouse.sqlite")
        warehousePostgresURL = root.string(forKey: "warehousePostgresURL")
        guard kind != .postgres || warehousePostgresURL != nil else {
            throw settings.invalid("warehousePostgresURL", "a PostgreSQL warehouse needs its URL")
        }
        let busyMilliseconds = try settings.double(root, "warehouseBusyTimeoutMs")
        guard busyMilliseconds >= 0 else { throw settings.invalid("warehouseBusyTimeoutMs", "must not be negative") }
        warehouseBusyTimeout = .milliseconds(busyMilliseconds)
        let cacheSize = try settings.double(root, "warehouseRecordCacheSize")
        guard cacheSize >= 0, cacheSize == cacheSize.rounded() else {
            throw settings.invalid("warehouseRecordCacheSize", "must be a whole number, not negative")
        }
        warehouseRecordCacheSize = Int(cacheSize)
        /// A key's whole number of MiB, from 1 to `maximum`, named with `maximumName`.
        func mebibytes(_ key: String, upTo maximum: Int = 1_048_576, _ maximumName: String = "1048576") throws(NormalizationError) -> Int {
            let value = try settings.double(root, key)
            guard value >= 1, value <= Double(maximum), value == value.rounded() else {
                throw settings.invalid(key, "must be a whole number of MiB from 1 to \(maximumName)")
            }
            return Int(value)
        }
        warehousePageCacheMB = try mebibytes("warehousePageCacheMB")
        warehouseCheckpointLimitMB = try mebibytes("warehouseCheckpointLimitMB")
        warehouseCheckpointBackgroundMB = try mebibytes(
            "warehouseCheckpointBackgroundMB", upTo: warehouseCheckpointLimitMB,
            "warehouseCheckpointLimitMB (\(warehouseCheckpointLimitMB))")
        let compressionName = root.string(forKey: "warehousePostgresCompression", default: PostgresCompression.lz4.rawValue)
        guard let compression = PostgresCompression(rawValue: compressionName) else {
            throw settings.invalid("warehousePostgresCompression", "'\(compressionName)' is not one of lz4, pglz")
        }
        warehousePostgresCompression = compression
        sourcesDirectory = root.string(forKey: "sourcesDirectory", default: "configs/sources")
        let waitMilliseconds = try settings.double(root, "unknownSourceWaitMs")
        guard waitMilliseconds >= 0 else { throw settings.invalid("unknownSourceWaitMs", "must not be negative") }
        unknownSourceWait = .milliseconds(waitMilliseconds)
        self.resolution = ResolutionSettings(
            mergeThreshold: try settings.double(resolution, "mergeThreshold"),
            reviewThreshold: try settings.double(resolution, "reviewThreshold"),
            weights: SimilarityWeights(
                postalCode: try settings.double(weights, "postalCode"),
                street: try settings.double(weights, "street"),
                houseNumber: try settings.double(weights, "houseNumber"),
                unit: try settings.double(weights, "unit"),
                attributes: try settings.double(weights, "attributes")
            ),
            attributeTolerance: try settings.double(resolution, "attributeTolerance")
        )
        guard self.resolution.reviewThreshold <= self.resolution.mergeThreshold else {
            throw NormalizationError(
                .invalidConfiguration,
                reason: "the review threshold must not exceed the merge threshold",
                input: "normalizer.resolution.reviewThreshold"
            )
        }
        self.merge = MergePolicy(
            sourceTrust: try settings.pairs(merge, "sourceTrust") { value throws(NormalizationError) in
                guard let trust = Double(value) else { throw NormalizationError.settingFailure("trust must be a number") }
                return trust
            },
            defaultTrust: try settings.double(merge, "defaultTrust"),
            defaultRule: try settings.rule(merge, "defaultRule"),
            fieldRules: try settings.pairs(merge, "fieldRules") { value throws(NormalizationError) in
                guard let rule = MergeRule(rawValue: value) else { throw NormalizationError.settingFailure("not a merge rule") }
                return rule
            },
            numericTolerance: try settings.double(merge, "numericTolerance")
        )
        let baseName = try settings.string(rates, "base")
        guard let base = CurrencyCode(rawValue: baseName) else {
            throw settings.invalid("exchangeRates.base", "'\(baseName)' is not a currency code")
        }
        let table = try settings.pairs(rates, "rates") { value throws(NormalizationError) in
            guard let rate = Decimal(string: value), rate > 0 else {
                throw NormalizationError.settingFailure("a rate must be a positive number")
            }
            return rate
        }
        var byCurrency: [CurrencyCode: Decimal] = [:]
        for (code, rate) in table {
            guard let currency = CurrencyCode(rawValue: code) else {
                throw settings.invalid("exchangeRates.rates", "'\(code)' is not a currency code")
            }
            byCurrency[currency] = rate
        }
        exchangeRates = ExchangeRates(base: base, rates: byCurrency)
    }

    /// Reads `configs/normalizer.yaml` with environment overrides.
    public static func load(layout: ProjectLayout?) async throws(NormalizationError) -> NormalizerConfiguration {
        do {
            return try NormalizerConfiguration(
                reader: await ConfigurationLoader.reader(layout: layout, files: ["normalizer.yaml"])
            )
        } catch let error as NormalizationError {
            throw error
        } catch {
            throw NormalizationError(.invalidConfiguration, reason: "\(error)", input: "normalizer.yaml")
        }
    }

    /// A path of the configuration resolved by ``ServiceSupport/ProjectLayout/resolve(_:environment:)``:
    /// `.homeprice/…` in the state folder (`HOMEPRICE_STATE_DIR`), other relative paths against the
    /// project root.
    public func resolve(
        _ path: String, layout: ProjectLayout?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL {
        guard let layout, path != ":memory:" else {
            return URL(fileURLWithPath: path)
        }
        return layout.resolve(path, environment: environment)
    }
}

/// Typed reads of required settings that name the key on failure.
private struct Settings {
    func invalid(_ key: String, _ reason: String) -> NormalizationError {
        NormalizationError(.invalidConfiguration, reason: reason, input: key)
    }

    func double(_ scope: ConfigReader, _ key: String) throws(NormalizationError) -> Double {
        do {
            return try scope.requiredDouble(forKey: ConfigKey(key))
        } catch {
            throw invalid(key, "a number is required: \(error)")
        }
    }

    func string(_ scope: ConfigReader, _ key: String) throws(NormalizationError) -> String {
        do {
            return try scope.requiredString(forKey: ConfigKey(key))
        } catch {
            throw invalid(key, "a value is required: \(error)")
        }
    }

    func rule(_ scope: ConfigReader, _ key: String) throws(NormalizationError) -> MergeRule {
        let name = try string(scope, key)
        guard let rule = MergeRule(rawValue: name) else { throw invalid(key, "'\(name)' is not a merge rule") }
        return rule
    }

    /// A list of `name=value` entries, each value read by `read`.
    func pairs<Value>(
        _ scope: ConfigReader,
        _ key: String,
        _ read: (String) throws(NormalizationError) -> Value
    ) throws(NormalizationError) -> [String: Value] {
        var pairs: [String: Value] = [:]
        for entry in scope.stringArray(forKey: ConfigKey(key), default: []) {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw invalid(key, "an entry must read name=value, found '\(entry)'") }
            do {
                pairs[parts[0]] = try read(parts[1])
            } catch {
                throw invalid(key, "\(error.reason) in '\(entry)'")
            }
        }
        return pairs
    }
}

extension NormalizationError {
    /// A bad setting value, before the key is known.
    fileprivate static func settingFailure(_ reason: String) -> NormalizationError {
        NormalizationError(.invalidConfiguration, reason: reason)
    }
}
