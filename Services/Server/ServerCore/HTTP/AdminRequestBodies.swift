import ModelRegistry

/// The body of `POST /admin/promote`.
struct PromoteRequestBody: Decodable, Sendable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case region, version, alias, reason }

    var region: String
    var version: String
    var alias: String?
    var reason: String?

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownFields(allowed: Set(CodingKeys.allCases.map(\.rawValue)))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        region = try container.decode(String.self, forKey: .region)
        version = try container.decode(String.self, forKey: .version)
        alias = try container.decodeIfPresent(String.self, forKey: .alias)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
    }
}

/// The body of `POST /admin/rollback`.
struct RollbackRequestBody: Decodable, Sendable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case region, alias, reason }

    var region: String
    var alias: String?
    var reason: String?

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownFields(allowed: Set(CodingKeys.allCases.map(\.rawValue)))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        region = try container.decode(String.self, forKey: .region)
        alias = try container.decodeIfPresent(String.self, forKey: .alias)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
    }
}

/// The body of `POST /admin/traffic`: the region's new plan.
struct TrafficRequestBody: Decodable, Sendable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case region, experiment }

    /// The fields of an ``Experiment``: a misspelt one (`shadw`) is refused, not dropped.
    static let experimentFields: Set = ["id", "kind", "control", "candidate", "candidatePercent", "shadow"]

    var region: String
    var experiment: Experiment

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownFields(allowed: Set(CodingKeys.allCases.map(\.rawValue)))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        region = try container.decode(String.self, forKey: .region)
        if container.contains(.experiment), try !container.decodeNil(forKey: .experiment) {
            try container.superDecoder(forKey: .experiment).rejectUnknownFields(allowed: Self.experimentFields)
        }
        experiment = try container.decode(Experiment.self, forKey: .experiment)
    }
}
