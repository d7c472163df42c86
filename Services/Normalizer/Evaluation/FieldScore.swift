/// How well one canonical field came out: among records whose home has the field in the
/// ground truth, how many got a value (coverage) and how many of those values are right
/// (accuracy).
public struct FieldScore: Sendable, Equatable, Codable {
    /// The canonical field (`livingArea`, `address.street`).
    public var field: String
    /// Records whose true home has the field.
    public var expected: Int = 0
    /// Of those, records whose normalized home has a value.
    public var produced: Int = 0
    /// Of those, values equal to the truth (within the field's tolerance).
    public var correct: Int = 0

    /// Correct over produced; 1 when nothing was produced.
    public var accuracy: Double { produced == 0 ? 1 : Double(correct) / Double(produced) }
    /// Produced over expected; 1 when nothing was expected.
    public var coverage: Double { expected == 0 ? 1 : Double(produced) / Double(expected) }

    /// Creates an empty score for a field.
    public init(field: String) {
        self.field = field
    }
}
