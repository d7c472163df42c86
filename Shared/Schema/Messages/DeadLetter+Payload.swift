import Foundation

extension DeadLetter {
    /// Creates a dead letter from the original record bytes, stored as text when they are
    /// valid UTF-8 and as Base64 otherwise.
    ///
    /// - Parameters:
    ///   - originalKey: The key of the original record.
    ///   - originalBytes: The original record value.
    ///   - origin: Where the original record was read from.
    ///   - stage: The stage that failed.
    ///   - service: The service that failed.
    ///   - reasons: Why it failed.
    ///   - failedAt: When the stage gave up.
    ///   - schemaVersion: The schema version; defaults to the current one.
    public init(
        originalKey: String,
        originalBytes: Data,
        origin: MessageOrigin? = nil,
        stage: PipelineStage,
        service: String,
        reasons: [FailureReason],
        failedAt: Date,
        schemaVersion: Int = DeadLetter.currentSchemaVersion
    ) {
        let text = String(validating: originalBytes, as: UTF8.self)
        self.init(
            originalKey: originalKey,
            originalPayload: text ?? originalBytes.base64EncodedString(),
            originalPayloadEncoding: text == nil ? .base64 : .utf8,
            origin: origin,
            stage: stage,
            service: service,
            reasons: reasons,
            failedAt: failedAt,
            schemaVersion: schemaVersion
        )
    }

    /// The original record value as bytes, for replaying it; `nil` if a Base64 payload is
    /// malformed.
    public var originalBytes: Data? {
        switch originalPayloadEncoding {
        case .utf8: Data(originalPayload.utf8)
        case .base64: Data(base64Encoded: originalPayload)
        }
    }
}
