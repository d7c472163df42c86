import Crypto
import Foundation
import Schema

/// Sticky assignment of a client to an experiment's arm: the first eight bytes of
/// SHA-256(experiment id, NUL, client id) as an unsigned integer, reduced to a bucket in
/// [0, 100) with four decimals.
///
/// The hash depends on nothing but the two ids, so every instance and every restart puts the
/// same client in the same arm; a new experiment id reshuffles the clients.
public enum ArmAssignment {
    /// The client's bucket in [0, 100) for `experimentId`.
    public static func bucket(clientId: String, experimentId: String) -> Double {
        var input = Data(experimentId.utf8)
        input.append(0)
        input.append(contentsOf: clientId.utf8)
        let digest = SHA256.hash(data: input)
        let prefix = digest.prefix(8).reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
        return Double(prefix % 1_000_000) / 10_000
    }

    /// The arm `clientId` takes in `experiment` and the target it is served by.
    public static func assign(clientId: String, in experiment: Experiment) -> (arm: ExperimentArm, target: ModelTarget) {
        guard experiment.kind != .none, let candidate = experiment.candidate else { return (.defaultRoute, experiment.control) }
        let inCandidate = bucket(clientId: clientId, experimentId: experiment.id) < experiment.candidatePercent
        switch experiment.kind {
        case .none: return (.defaultRoute, experiment.control)
        case .ab: return inCandidate ? (.b, candidate) : (.a, experiment.control)
        case .canary: return inCandidate ? (.canary, candidate) : (.a, experiment.control)
        }
    }
}
