import Foundation

/// Customer feedback on a prediction: the real sale price, a correction or a rating.
///
/// Published on ``Topic/feedback`` by clients and the server's feedback endpoint, keyed by
/// ``predictionId`` so all feedback on a prediction stays in order; ``feedbackId`` makes
/// each piece idempotent. The monitor joins it to predictions for live accuracy; the
/// trainer uses sale prices as labels.
public struct Feedback: SchemaMessage {
    /// Version 1.
    public static let currentSchemaVersion = 1

    /// ``Topic/feedback``.
    public static let topic = Topic.feedback

    /// The schema version the producer wrote.
    public var schemaVersion: Int

    /// The unique id of this piece of feedback; retries reuse it.
    public var feedbackId: String

    /// The prediction it is about.
    public var predictionId: String

    /// The home the feedback is about, when the sender knows it (the server's feedback
    /// endpoint fills it from the prediction): a `salePrice` for a known home becomes a
    /// training label for that home.
    public var homeId: String?

    /// What it reports.
    public var kind: FeedbackKind

    /// An amount in ``currency`` for sale prices and corrections, 1 to 5 for ratings.
    public var value: Double

    /// The ISO 4217 currency of ``value`` for sale prices and corrections.
    public var currency: String?

    /// Free text from the customer.
    public var comment: String?

    /// Who gave it: a client id or `user:<name>`.
    public var submittedBy: String?

    /// When it was given.
    public var at: Date

    /// The prediction id.
    public var key: String { predictionId }

    /// Creates feedback.
    ///
    /// - Parameters:
    ///   - feedbackId: The unique id of this piece of feedback.
    ///   - predictionId: The prediction it is about.
    ///   - kind: What it reports.
    ///   - value: An amount, or a rating from 1 to 5.
    ///   - currency: The currency of an amount.
    ///   - comment: Free text from the customer.
    ///   - homeId: The home the feedback is about, when known.
    ///   - submittedBy: Who gave it.
    ///   - at: When it was given.
    ///   - schemaVersion: The schema version; defaults to the current one.
    public init(
        feedbackId: String,
        predictionId: String,
        kind: FeedbackKind,
        value: Double,
        currency: String? = nil,
        comment: String? = nil,
        submittedBy: String? = nil,
        homeId: String? = nil,
        at: Date,
        schemaVersion: Int = Feedback.currentSchemaVersion
    ) {
        self.schemaVersion = schemaVersion
        self.feedbackId = feedbackId
        self.homeId = homeId
        self.predictionId = predictionId
        self.kind = kind
        self.value = value
        self.currency = currency
        self.comment = comment
        self.submittedBy = submittedBy
        self.at = at
    }
}
