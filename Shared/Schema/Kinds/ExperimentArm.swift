/// The A/B-test arm that served a prediction.
public enum ExperimentArm: String, Codable, Sendable, CaseIterable {
    /// Control: the champion.
    case a = "A"

    /// Treatment: the challenger under test.
    case b = "B"
}
