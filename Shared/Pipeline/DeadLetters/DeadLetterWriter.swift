import Crypto
import Foundation
import Kafka
import Schema
import ServiceSupport

/// Turns a consumed message that a stage could not process into a bounded ``Schema/DeadLetter``.
///
/// The original payload is kept verbatim up to ``DeadLetterPolicy/maxPayloadBytes``; beyond,
/// its start is kept (cut at a character boundary) with the original's length and SHA-256.
/// Reason texts are capped too, so the dead letter of a 50 MB message stays small.
public struct DeadLetterWriter: Sendable {
    /// The stage that failed.
    public let stage: PipelineStage
    /// The service instance that failed, for example `preprocessor-0`.
    public let service: String
    /// The size bounds.
    public let policy: DeadLetterPolicy

    /// Creates a writer for one stage and service.
    public init(stage: PipelineStage, service: String, policy: DeadLetterPolicy) {
        self.stage = stage
        self.service = service
        self.policy = policy
    }

    /// The dead letter of `message`, failed for `reasons` at `date`.
    public func deadLetter(for message: KafkaConsumerMessage, reasons: [FailureReason], at date: Date = Date()) -> DeadLetter {
        deadLetter(
            originalKey: message.keyString ?? "\(message.topic)/\(message.partition)/\(message.offset)",
            payload: Data(message.value),
            origin: MessageOrigin(topic: message.topic, partition: Int(message.partition), offset: message.offset),
            reasons: reasons, at: date)
    }

    /// The dead letter of input that never was a message (a producer's unreadable line or
    /// file): `payload` under `originalKey`, failed for `reasons` at `date`.
    public func deadLetter(
        originalKey: String, payload: Data, origin: MessageOrigin? = nil, reasons: [FailureReason], at date: Date = Date()
    ) -> DeadLetter {
        let kept = keptPrefix(of: payload)
        var letter = DeadLetter(
            originalKey: DeadLetterWriter.capped(originalKey, policy.maxReasonCharacters),
            originalBytes: kept,
            origin: origin,
            stage: stage,
            service: service,
            reasons: bounded(reasons),
            failedAt: date
        )
        if kept.count < payload.count {
            letter.originalLength = payload.count
            letter.originalSHA256 = Self.sha256(payload)
        }
        return letter
    }

    /// The lowercase hex SHA-256 of `data`.
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// At most `maxPayloadBytes` of `payload`, cut back to a UTF-8 character boundary when the
    /// payload is text.
    private func keptPrefix(of payload: Data) -> Data {
        guard payload.count > policy.maxPayloadBytes else { return payload }
        var end = policy.maxPayloadBytes
        // A UTF-8 continuation byte is 10xxxxxx: step back at most three to a character start.
        while end > 0, end > policy.maxPayloadBytes - 4, payload[payload.startIndex + end] & 0xC0 == 0x80 {
            end -= 1
        }
        return payload.prefix(end)
    }

    private func bounded(_ reasons: [FailureReason]) -> [FailureReason] {
        var kept = reasons.prefix(policy.maxReasons).map { reason in
            var reason = reason
            reason.message = Self.capped(reason.message, policy.maxReasonCharacters)
            reason.field = reason.field.map { Self.capped($0, policy.maxReasonCharacters) }
            return reason
        }
        if reasons.count > policy.maxReasons {
            kept.append(
                FailureReason(code: "deadLetter.moreReasons", message: "\(reasons.count - policy.maxReasons) more reasons left out"))
        }
        return kept
    }

    /// `text` cut to `limit` characters, saying how long it was.
    static func capped(_ text: String, _ limit: Int) -> String {
        InputExcerpt.of(text, limit: limit)
    }
}
