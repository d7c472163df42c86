import ModelRegistry

/// A region's traffic plan: which model serves by default, which candidate takes a share
/// (A/B test or canary) and which candidate scores in the shadow.
///
/// Assignment is sticky: ``ArmAssignment`` hashes the client id with ``id``, so the same client
/// lands in the same arm on every instance and after every restart, for as long as the
/// experiment keeps its id.
public struct Experiment: Sendable, Equatable, Codable {
    /// How the candidate shares the traffic.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// No split: everything goes to the control (arm `default`).
        case none
        /// A/B test: ``Experiment/candidatePercent`` of the clients get the candidate (arm `B`),
        /// the others the control (arm `A`).
        case ab
        /// Canary: a small ``Experiment/candidatePercent`` gets the candidate (arm `canary`), the
        /// rest the control (arm `A`).
        case canary
    }

    /// The experiment's id, hashed with the client id for sticky assignment.
    public var id: String
    /// How the candidate shares the traffic.
    public var kind: Kind
    /// The baseline, normally the champion.
    public var control: ModelTarget
    /// The candidate of an A/B test or a canary.
    public var candidate: ModelTarget?
    /// The share of clients the candidate serves, 0 to 100.
    public var candidatePercent: Double
    /// A model that scores every request too; its predictions are published, never returned.
    public var shadow: ModelTarget?

    /// Creates a plan.
    public init(
        id: String, kind: Kind, control: ModelTarget = .alias(ModelAlias.champion), candidate: ModelTarget? = nil,
        candidatePercent: Double = 0, shadow: ModelTarget? = nil
    ) {
        self.id = id
        self.kind = kind
        self.control = control
        self.candidate = candidate
        self.candidatePercent = candidatePercent
        self.shadow = shadow
    }

    /// The default plan of a region: its champion serves, nothing else.
    public static func championOnly(region: String) -> Experiment {
        Experiment(id: "\(region.lowercased())-default", kind: .none)
    }

    /// Checks the plan; the error, of kind `code` (a configuration's, or a request's when a
    /// person sends the plan), names the field (`server.experiments.US.candidatePercent`).
    public func validated(field prefix: String, as code: ServerError.Code = .invalidConfiguration) throws(ServerError) -> Experiment {
        guard (0...100).contains(candidatePercent) else {
            throw ServerError(code, reason: "must lie between 0 and 100", field: "\(prefix).candidatePercent", input: "\(candidatePercent)")
        }
        if kind != .none, candidate == nil {
            throw ServerError(code, reason: "an \(kind.rawValue) experiment needs a candidate", field: "\(prefix).candidate")
        }
        guard !id.isEmpty else { throw ServerError(code, reason: "must not be empty", field: "\(prefix).id") }
        return self
    }
}
