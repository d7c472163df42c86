import Foundation

/// A message a stage could not process, kept with the reasons instead of crashing.
///
/// Published on ``Topic/homesDeadLetter`` by every stage, keyed by ``originalKey``, and read
/// by the monitor and `homeprice` CLI. The original payload is kept verbatim so the message
/// can be replayed once the cause is fixed.
public struct DeadLetter: SchemaMessage {
    /// Version 1.
    public static let currentSchemaVersion = 1

    /// ``Topic/homesDeadLetter``.
    public static let topic = Topic.homesDeadLetter

    /// The schema version the producer wrote.
    public var schemaVersion: Int

    /// The key of the original record; for a record without a key, `topic/partition/offset`.
    public var originalKey: String

    /// The original record value, encoded as ``originalPayloadEncoding`` says.
    public var originalPayload: String

    /// Whether ``originalPayload`` is the original text or Base64 of non-UTF-8 bytes.
    public var originalPayloadEncoding: PayloadEncoding

    /// Where the original record was read from, when it came from Kafka.
    public var origin: MessageOrigin?

    /// Set when ``originalPayload`` holds only the start of a larger original: the original's
    /// length in bytes.
    public var originalLength: Int?

    /// Set with ``originalLength``: the SHA-256 (lowercase hex) of the whole original payload,
    /// so a truncated dead letter still identifies it.
    public var originalSHA256: String?

    /// The stage that failed.
    public var stage: PipelineStage

    /// The service (and instance) that failed, for example `"normalizer-1"`.
    public var service: String

    /// Why it failed; never empty.
    public var reasons: [FailureReason]

    /// When the stage gave up.
    public var failedAt: Date

    /// The original key.
    public var key: String { originalKey }

    /// Creates a dead letter from a payload already in string form.
    ///
    /// Use ``init(originalKey:originalBytes:origin:stage:service:reasons:failedAt:schemaVersion:)``
    /// when holding the raw record bytes.
    ///
    /// - Parameters:
    ///   - originalKey: The key of the original record.
    ///   - originalPayload: The original record value as text or Base64.
    ///   - originalPayloadEncoding: Which of the two `originalPayload` is.
    ///   - origin: Where the original record was read from.
    ///   - originalLength: For a truncated payload, the original's length in bytes.
    ///   - originalSHA256: For a truncated payload, the SHA-256 of the whole original.
    ///   - stage: The stage that failed.
    ///   - service: The service that failed.
    ///   - reasons: Why it failed.
    ///   - failedAt: When the stage gave up.
    ///   - schemaVersion: The schema version; defaults to the current one.
    public init(
        originalKey: String,
        originalPayload: String,
        originalPayloadEncoding: PayloadEncoding,
        origin: MessageOrigin? = nil,
        originalLength: Int? = nil,
        originalSHA256: String? = nil,
        stage: PipelineStage,
        service: String,
        reasons: [FailureReason],
        failedAt: Date,
        schemaVersion: Int = DeadLetter.currentSchemaVersion
    ) {
        self.schemaVersion = schemaVersion
        self.originalKey = originalKey
        self.originalPayload = originalPayload
        self.originalPayloadEncoding = originalPayloadEncoding
        self.origin = origin
        self.originalLength = originalLength
        self.originalSHA256 = originalSHA256
        self.stage = stage
        self.service = service
        self.reasons = reasons
        self.failedAt = failedAt
    }
}
