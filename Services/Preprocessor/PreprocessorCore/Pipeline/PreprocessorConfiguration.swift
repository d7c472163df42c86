import Configuration
import Features

/// The preprocessor's settings: its own keys under `preprocessor.` (`configs/preprocessor.yaml`)
/// and the shared feature settings under `features.` (`configs/pipeline.yaml`), each
/// overridable by an environment variable (`PREPROCESSOR_GROUP_ID`,
/// `FEATURES_CLEANING_MAX_LIVING_AREA`).
public struct PreprocessorConfiguration: Sendable, Equatable {
    /// The service name in dead letters and client ids, for example `preprocessor-0`.
    public var serviceName: String
    /// The consumer group of the preprocessor instances, which split `homes.normalized`'s
    /// partitions between them.
    public var groupId: String
    /// The settings of the shared feature code (cleaning bounds, regions).
    public var features: FeatureSettings

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - serviceName: The service name.
    ///   - groupId: The consumer group.
    ///   - features: The feature settings.
    public init(serviceName: String, groupId: String, features: FeatureSettings) {
        self.serviceName = serviceName
        self.groupId = groupId
        self.features = features
    }

    /// Reads `preprocessor.serviceName` (default `preprocessor-0`), `preprocessor.groupId`
    /// (default `homeprice-preprocessor`) and every `features.` key.
    ///
    /// - Throws: ``PreprocessorError/Code/invalidConfiguration`` naming the missing or bad key.
    public init(reader: ConfigReader) throws(PreprocessorError) {
        let root = reader.scoped(to: "preprocessor")
        serviceName = try Self.name(root.string(forKey: "serviceName", default: "preprocessor-0"), key: "preprocessor.serviceName")
        groupId = try Self.name(root.string(forKey: "groupId", default: "homeprice-preprocessor"), key: "preprocessor.groupId")
        do {
            features = try FeatureSettings(reader: reader)
        } catch {
            throw PreprocessorError(.invalidConfiguration, reason: error.reason, field: error.field, input: error.input)
        }
    }

    /// `value` when it names something; a blank name is an error naming `key`.
    private static func name(_ value: String, key: String) throws(PreprocessorError) -> String {
        guard !value.allSatisfy(\.isWhitespace) else {
            throw PreprocessorError(.invalidConfiguration, reason: "must not be empty", field: key, input: value)
        }
        return value
    }
}
