import Configuration
import Logging
import NormalizerCore
import Pipeline
import ServiceLifecycle
import ServiceSupport

/// The `homeprice-normalizer` process: ``NormalizerCore/NormalizerService`` over the warehouse
/// its configuration selects (``NormalizerWarehouses``), SQLite or PostgreSQL.
public enum NormalizerProcess: ServiceBuilder {
    /// `homeprice.normalizer`.
    public static let label = NormalizerService.label

    /// `normalizer.yaml` (its mappings come from `normalizer.sourcesDirectory`).
    public static let configurationFiles = NormalizerService.configurationFiles

    /// Builds the normalizer's services from `reader`.
    /// - Throws: ``NormalizerCore/NormalizationError`` for configuration and storage failures,
    ///   `KafkaError` when a client cannot be created.
    public static func services(reader: ConfigReader, layout: ProjectLayout?, logger: Logger) async throws -> [any Service] {
        try await NormalizerService.services(reader: reader, layout: layout, logger: logger, openStore: NormalizerWarehouses.open)
    }
}
