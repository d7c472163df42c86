/// Why a prediction was made by its model: the arm of the region's experiment that served it,
/// or the route that chose the model outside any experiment.
///
/// Schema version 1 of ``Prediction`` knew only ``a`` and ``b``; their raw values are unchanged,
/// so version-1 messages decode as they always did.
public enum ExperimentArm: String, Codable, Sendable, CaseIterable {
    /// Control: the experiment's baseline (the champion), also the part of a canary that
    /// stays on it.
    case a = "A"

    /// Treatment: the candidate of an A/B test.
    case b = "B"

    /// The small share of a canary rollout sent to the candidate.
    case canary

    /// A candidate that scored the request alongside the served model; published, never
    /// returned to the client.
    case shadow

    /// The region's default route (its champion), with no experiment running.
    case defaultRoute = "default"

    /// The client named the version or alias itself; no experiment was involved.
    case requested
}
