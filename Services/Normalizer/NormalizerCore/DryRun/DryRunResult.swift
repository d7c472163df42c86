import Schema

/// One line of a dry run's output: a record's canonical home or its errors, or a cluster.
public enum DryRunResult: Sendable, Equatable, Encodable {
    /// A record mapped into a (single-record) home.
    case home(record: String, home: Home)
    /// A record that could not be mapped, with every reason.
    case errors(record: String, reasons: [FailureReason])
    /// With `--resolve`: a merged home and the records it came from.
    case cluster(home: Home, records: [String])
    /// With `--resolve`: a pair a human would be asked about.
    case review(ReviewTask)

    private enum CodingKeys: String, CodingKey {
        case record, home, errors, cluster, records, review
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .home(let record, let home):
            try container.encode(record, forKey: .record)
            try container.encode(home, forKey: .home)
        case .errors(let record, let reasons):
            try container.encode(record, forKey: .record)
            try container.encode(reasons, forKey: .errors)
        case .cluster(let home, let records):
            try container.encode(home, forKey: .cluster)
            try container.encode(records, forKey: .records)
        case .review(let task):
            try container.encode(task, forKey: .review)
        }
    }

    /// The result as one line of JSON, in the shared schema encoding.
    public func jsonLine() throws -> String {
        String(decoding: try SchemaJSON.makeEncoder().encode(self), as: UTF8.self)
    }
}
