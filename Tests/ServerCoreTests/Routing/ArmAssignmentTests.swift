import Schema
import ServerCore
import Testing

@Suite("Sticky experiment assignment")
struct ArmAssignmentTests {
    static let ab = Experiment(id: "us-ab-2026-49", kind: .ab, candidate: .alias("challenger"), candidatePercent: 50)

    @Test("the same client always gets the same arm, and the bucket depends on nothing but the two ids")
    func sameClientSameArm() {
        for client in (0..<200).map({ "client-\($0)" }) {
            let first = ArmAssignment.assign(clientId: client, in: Self.ab)
            // A second instance or a restart computes from the same ids only.
            let again = ArmAssignment.assign(
                clientId: client, in: Experiment(id: "us-ab-2026-49", kind: .ab, candidate: .alias("challenger"), candidatePercent: 50))
            #expect(first.arm == again.arm && first.target == again.target)
        }
        // Fixed by SHA-256 (the same figures as Python's hashlib): a change of the hashing
        // would move clients between arms across a deployment.
        #expect(ArmAssignment.bucket(clientId: "web-4411", experimentId: "us-ab-2026-49") == 80.4405)
        #expect(ArmAssignment.bucket(clientId: "client-1", experimentId: "us-ab-2026-49") == 62.3873)
        #expect(ArmAssignment.assign(clientId: "client-1", in: Self.ab).arm == .a)
    }

    @Test("a 50/50 split over 10,000 clients lands within ±2 % of half")
    func fiftyFifty() {
        let arms = (0..<10_000).map { ArmAssignment.assign(clientId: "client-\($0)", in: Self.ab).arm }
        let treatment = arms.filter { $0 == .b }.count
        #expect(abs(Double(treatment) / 10_000 - 0.5) <= 0.02, "\(treatment) of 10000 in B")
        #expect(arms.allSatisfy { $0 == .a || $0 == .b })
    }

    @Test("a 5 % canary sends about 5 % of the clients to the candidate, the rest to the control")
    func canaryShare() {
        let canary = Experiment(id: "us-canary", kind: .canary, candidate: .version("7"), candidatePercent: 5)
        let assigned = (0..<10_000).map { ArmAssignment.assign(clientId: "client-\($0)", in: canary) }
        let share = Double(assigned.filter { $0.arm == .canary }.count) / 10_000
        #expect(abs(share - 0.05) <= 0.01)
        #expect(assigned.allSatisfy { ($0.arm == .canary) == ($0.target == .version("7")) })
    }

    @Test("without an experiment every client takes the default route to the control")
    func noExperiment() {
        let plan = Experiment.championOnly(region: "US")
        #expect(ArmAssignment.assign(clientId: "anyone", in: plan).arm == .defaultRoute)
        #expect(ArmAssignment.assign(clientId: "anyone", in: plan).target == .alias("champion"))
    }
}
