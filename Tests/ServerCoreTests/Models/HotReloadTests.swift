import Foundation
import ModelRegistry
import Schema
import ServerCore
import Testing

@Suite("Hot reload under load")
struct HotReloadTests {
    @Test("promotions and rollbacks during concurrent predictions fail no request and never mix versions")
    func reloadUnderLoad() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let catalog = fixture.catalog()
        try await catalog.apply(try fixture.championAndChallenger())
        let predictor = Predictor(configuration: fixture.configuration)
        let experiments = ExperimentTable([:])
        let homes = try ServerFixture.requestHomes(count: 10)
        let at = Date(timeIntervalSince1970: 1_764_000_000)
        // The answers of each version, computed with an explicit version outside the churn.
        var expected: [String: [Double]] = [:]
        for version in ["1", "2"] {
            expected[version] = try homes.map {
                try predictor.predict(
                    PredictionInput(requestId: "r", clientId: "c", features: $0, target: .version(version)), snapshot: catalog.snapshot,
                    experiments: experiments, at: at
                ).served.value
            }
        }
        let reference = expected
        let served = try await withThrowingTaskGroup(of: [String].self) { group in
            for worker in 0..<4 {
                group.addTask {
                    var versions: [String] = []
                    for round in 0..<150 {
                        let index = (worker + round) % homes.count
                        let snapshot = catalog.snapshot
                        let outcome = try predictor.predict(
                            PredictionInput(requestId: "r\(worker)-\(round)", clientId: "c\(worker)", features: homes[index]),
                            snapshot: snapshot, experiments: experiments, at: at)
                        #expect(outcome.served.value == reference[outcome.served.modelVersion]?[index])
                        versions.append(outcome.served.modelVersion)
                        await Task.yield()
                    }
                    return versions
                }
            }
            group.addTask {
                var t = Date(timeIntervalSince1970: 1_700_000_200)
                for _ in 0..<20 {
                    t += 1
                    try await catalog.apply([
                        try catalog.snapshot.registry.promotion(of: "2", model: "homeprice-us", actor: "t", reason: nil, at: t)
                    ])
                    t += 1
                    try await catalog.apply([try catalog.snapshot.registry.rollback(model: "homeprice-us", actor: "t", reason: nil, at: t)])
                }
                return []
            }
            return try await group.reduce(into: [String]()) { $0 += $1 }
        }
        #expect(served.count == 600)
        #expect(Set(served).isSubset(of: ["1", "2"]))
    }
}
