import Foundation
import NormalizerCore
import Schema

/// The body of `POST /v1/feedback`.
struct FeedbackRequestBody: Decodable, Sendable {
    static let fields: Set = ["feedbackId", "predictionId", "kind", "value", "currency", "comment", "submittedBy", "homeId"]

    private enum CodingKeys: String, CodingKey {
        case feedbackId, predictionId, kind, value, currency, comment, submittedBy, homeId
    }

    var feedbackId: String?
    var predictionId: String
    var kind: FeedbackKind
    var value: Double
    var currency: String?
    var comment: String?
    var submittedBy: String?
    var homeId: String?

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownFields(allowed: Self.fields)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        feedbackId = try container.decodeIfPresent(String.self, forKey: .feedbackId)
        predictionId = try container.decode(String.self, forKey: .predictionId)
        kind = try container.decode(FeedbackKind.self, forKey: .kind)
        value = try container.decode(Double.self, forKey: .value)
        currency = try container.decodeIfPresent(String.self, forKey: .currency)
        comment = try container.decodeIfPresent(String.self, forKey: .comment)
        submittedBy = try container.decodeIfPresent(String.self, forKey: .submittedBy)
        homeId = try container.decodeIfPresent(String.self, forKey: .homeId)
        guard !predictionId.isEmpty else { throw decoder.invalid("predictionId", "must not be empty") }
        switch kind {
        case .rating:
            guard (1...5).contains(value) else { throw decoder.invalid("value", "a rating lies in 1...5") }
        case .salePrice, .correction:
            guard value > 0, value.isFinite else { throw decoder.invalid("value", "an amount must be greater than 0") }
            guard currency != nil else { throw decoder.invalid("currency", "an amount needs its currency") }
        }
        if let given = currency {
            // Read as predictions read it (`usd` is USD).
            guard let code = CurrencyCode(rawValue: given) else { throw decoder.invalid("currency", "not an ISO 4217 currency code") }
            currency = code.rawValue
        }
    }

    /// The feedback message, stamped `at`.
    func feedback(at date: Date) -> Feedback {
        Feedback(
            feedbackId: feedbackId ?? UUID().uuidString.lowercased(), predictionId: predictionId, kind: kind, value: value,
            currency: currency, comment: comment, submittedBy: submittedBy, homeId: homeId, at: date)
    }
}
