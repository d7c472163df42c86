import Schema

/// What flows through the pipeline as the monitor sees it: feature rows per region,
/// predictions per region, feedback, and dead letters per stage and reason.
public struct PipelineHealth: Sendable, Equatable {
    /// Feature rows seen per region.
    public private(set) var featureRows: [String: Int] = [:]
    /// Predictions seen per region.
    public private(set) var predictions: [String: Int] = [:]
    /// Feedback seen.
    public private(set) var feedback = 0
    /// Dead letters per stage, then per reason code.
    public private(set) var deadLetters: [String: [String: Int]] = [:]

    /// Nothing seen yet.
    public init() {}

    mutating func recordRow(region: String) {
        featureRows[region, default: 0] += 1
    }

    mutating func recordPrediction(region: String) {
        predictions[region, default: 0] += 1
    }

    mutating func recordFeedback() {
        feedback += 1
    }

    mutating func record(_ deadLetter: DeadLetter) {
        for reason in deadLetter.reasons {
            deadLetters[deadLetter.stage.rawValue, default: [:]][reason.code, default: 0] += 1
        }
    }
}
