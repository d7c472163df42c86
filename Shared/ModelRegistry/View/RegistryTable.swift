import Foundation
import Schema

/// The registry for people: one row per model version, as a fixed-width text table or as JSON
/// (`homeprice models list|show`).
public struct RegistryTable: Sendable, Equatable {
    /// One model version.
    public struct Row: Codable, Sendable, Equatable {
        /// The model name.
        public var model: String
        /// The version.
        public var version: String
        /// The lifecycle state.
        public var state: VersionLifecycle
        /// The aliases pointing at the version, in name order.
        public var aliases: [String]
        /// The validation metrics by name.
        public var metrics: [String: Double]
        /// When the latest lifecycle event happened.
        public var updatedAt: Date
        /// The model file's SHA-256.
        public var artifactSHA256: String?
        /// The model card.
        public var cardURI: URL?
    }

    /// The metrics the text table shows, by name.
    public static let keyMetrics: [GuardedMetric] = [.mape, .medianAPE, .rmse]

    /// The rows, by model and then version.
    public var rows: [Row]

    /// The table of every version in `state`, or only of `model`'s versions.
    public init(state: RegistryState, model: String? = nil) {
        rows = (model.map { [$0] } ?? state.models).flatMap { name in
            let aliases = state.aliases(of: name)
            return state.versions(of: name).map { version in
                Row(
                    model: name, version: version.version, state: version.lifecycle,
                    aliases: aliases.filter { $0.version == version.version }.map(\.alias), metrics: version.metrics,
                    updatedAt: version.updatedAt, artifactSHA256: version.artifact?.sha256, cardURI: version.cardURI)
            }
        }
    }

    /// The rows as a fixed-width text table with a header line; a missing value shows as `-`.
    public var text: String {
        let header = ["MODEL", "VERSION", "STATE", "ALIASES"] + Self.keyMetrics.map { $0.rawValue.uppercased() } + ["UPDATED"]
        let cells = rows.map { row in
            [row.model, row.version, row.state.rawValue, row.aliases.isEmpty ? "-" : row.aliases.joined(separator: ",")]
                + Self.keyMetrics.map { metric in row.metrics[metric.rawValue].map(metric.format) ?? "-" }
                + [row.updatedAt.formatted(.iso8601)]
        }
        let lines = [header] + cells
        let widths = header.indices.map { column in lines.map { $0[column].count }.max() ?? 0 }
        return lines.map { line in
            var text = zip(line, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }.joined(separator: "\n") + "\n"
    }

    /// The rows as a JSON array in the shared schema format, indented for reading.
    ///
    /// - Throws: ``RegistryError/Code/invalidDocument`` when a metric is not finite.
    public func json() throws(RegistryError) -> Data {
        let encoder = SchemaJSON.makeEncoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        do {
            return try encoder.encode(rows)
        } catch {
            throw RegistryError(.invalidDocument, reason: "cannot encode the registry table: \(error)")
        }
    }
}
