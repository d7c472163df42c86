import Foundation

/// What the main job's phases measured, for the report.
struct DemoOutcome: Sendable {
    /// The regions of the run.
    var regions: [String]
    /// When each measured phase started (`before`, `after`).
    var marks: [String: Date] = [:]
    /// Live MAPE per region before the shift.
    var before: [String: Double] = [:]
    /// Live MAPE of the shift region after the promotion.
    var after: [String: Double] = [:]
    /// The A/B experiments, in order.
    var experiments: [DemoExperiment] = []
    /// HTTP requests that did not get a 2xx answer after their retries.
    var failedRequests: [String] = []
    /// HTTP attempts retried (refused or 5xx while the server restarted).
    var retriedAttempts = 0
    /// HTTP requests answered but never published on `predictions` (the server was killed
    /// before its publishing queue sent them), asked again.
    var republishedRequests = 0
    /// Prediction requests asked.
    var askedPredictions = 0
    /// Prediction requests whose answer arrived on `predictions`.
    var answeredPredictions = 0
    /// The services chaos mode killed.
    var kills: [DemoChaos.Kill] = []
}

/// One A/B experiment of the main job and what it decided.
struct DemoExperiment: Sendable, Equatable {
    /// The experiment id (sticky assignment hashes it with the client id).
    var id: String
    /// The challenger's version.
    var challenger: String
    /// `challengerBetter` or `challengerWorse`.
    var verdict: String
    /// The Mann–Whitney p-value of the verdict.
    var pValue: Double?
    /// The alias move the verdict caused, e.g. `homeprice-de#champion → v3 (promoted)`.
    var registryChange: String
}
