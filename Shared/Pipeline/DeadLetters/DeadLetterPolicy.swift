/// How large a dead letter may grow: a stage bounds what it writes to `homes.deadletter` so
/// that one huge bad message can never produce a dead letter the broker refuses.
public struct DeadLetterPolicy: Sendable, Equatable {
    /// The most bytes of the original payload a dead letter keeps; a longer payload keeps its
    /// start, its length and its SHA-256.
    public var maxPayloadBytes: Int
    /// The most characters of one reason's message.
    public var maxReasonCharacters: Int
    /// The most reasons one dead letter lists.
    public var maxReasons: Int

    /// Creates a policy.
    public init(maxPayloadBytes: Int, maxReasonCharacters: Int, maxReasons: Int) {
        self.maxPayloadBytes = max(0, maxPayloadBytes)
        self.maxReasonCharacters = max(16, maxReasonCharacters)
        self.maxReasons = max(1, maxReasons)
    }

    /// The bounds used when a configuration sets none: 16 KiB of payload, 1,000 characters per
    /// reason, 20 reasons.
    public static let standard = DeadLetterPolicy(maxPayloadBytes: 16_384, maxReasonCharacters: 1_000, maxReasons: 20)
}
