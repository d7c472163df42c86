import Foundation

/// The body of `POST /v1/predictions`: one `home` or a batch of `homes`, and how to route
/// and answer them.
struct PredictionsRequestBody: Decodable, Sendable {
    static let fields: Set = ["requestId", "clientId", "modelVersion", "modelAlias", "currency", "explain", "home", "homes"]

    private enum CodingKeys: String, CodingKey {
        case requestId, clientId, modelVersion, modelAlias, currency, explain, home, homes
    }

    var requestId: String?
    var clientId: String?
    var modelVersion: String?
    var modelAlias: String?
    var currency: String?
    var explain: Int
    var homes: [HomeInput]
    var isBatch: Bool

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownFields(allowed: Self.fields)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        requestId = try container.decodeIfPresent(String.self, forKey: .requestId)
        clientId = try container.decodeIfPresent(String.self, forKey: .clientId)
        modelVersion = try container.decodeIfPresent(String.self, forKey: .modelVersion)
        modelAlias = try container.decodeIfPresent(String.self, forKey: .modelAlias)
        currency = try container.decodeIfPresent(String.self, forKey: .currency)
        explain = try container.decodeIfPresent(Int.self, forKey: .explain) ?? 0
        guard explain >= 0 else { throw decoder.invalid("explain", "must not be negative") }
        for (key, target) in [("modelVersion", modelVersion), ("modelAlias", modelAlias)] where target?.isEmpty == true {
            throw decoder.invalid(key, "must not be empty; leave it out for the region's default route")
        }
        if let requestId, requestId.isEmpty || requestId.count > 200 {
            throw decoder.invalid("requestId", "must have 1 to 200 characters")
        }
        switch (
            try container.decodeIfPresent(HomeInput.self, forKey: .home), try container.decodeIfPresent([HomeInput].self, forKey: .homes)
        ) {
        case (let home?, nil):
            homes = [home]
            isBatch = false
        case (nil, let batch?):
            guard !batch.isEmpty else { throw decoder.invalid("homes", "must hold at least one home") }
            homes = batch
            isBatch = true
        case (.some, .some):
            throw decoder.invalid("homes", "give either home or homes, not both")
        case (nil, nil):
            throw DecodingError.keyNotFound(CodingKeys.home, .init(codingPath: decoder.codingPath, debugDescription: "home or homes"))
        }
    }
}
