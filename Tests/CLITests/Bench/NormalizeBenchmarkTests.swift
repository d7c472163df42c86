import Configuration
import Foundation
import Logging
import ServiceSupport
import TestSupport
import Testing

@testable import HomePriceCLI

@Suite("bench normalize", .timeLimit(.minutes(15)))
struct NormalizeBenchmarkTests {
    @Test(
        "two normalizer instances in one group on a private PostgreSQL warehouse normalize every record, with about the accuracy and duplicate F1 of one instance on SQLite"
    )
    func twoInstancesOnPostgresMatchOneOnSQLite() async throws {
        let benchmark = NormalizeBenchmark(
            layout: TestProject.layout, kafka: try TestProject.kafkaSettings(),
            logger: Logger(label: "homeprice.tests"))
        let seedData = TestProject.layout.root.appendingPathComponent("data")
        let single = try await benchmark.run(.init(seed: 5, homes: 150, seedData: seedData))
        let scaledOut = try await benchmark.run(.init(seed: 5, homes: 150, seedData: seedData, warehouse: .postgres, instances: 2))

        #expect(single.warehouse == "sqlite" && single.instances == 1)
        #expect(scaledOut.warehouse == "postgres" && scaledOut.instances == 2)
        #expect(single.partitionsPerInstance == [6], "one instance holds every partition of homes.raw, and only those are counted")
        #expect(scaledOut.partitionsPerInstance.count == 2 && scaledOut.partitionsPerInstance.reduce(0, +) <= 6)
        #expect(scaledOut.records == single.records && single.records > 150)
        #expect(
            single.outputsOfRecordsProcessedTwice == 0,
            "one instance keeps every partition: one home or dead letter per record, also read until the group committed all"
        )
        for report in [single, scaledOut] {
            #expect(report.evaluation.deadLettered == 0, "\(report.warehouse)")
            #expect(report.normalizerRecordsPerSecond > 0 && report.normalizerRecordsPerSecond.isFinite)
            #expect(report.duplicateF1 > 0.95, "\(report.warehouse)")
        }
        // Two instances may resolve some records in another order than one: close, not equal.
        #expect(abs(scaledOut.overallAccuracy - single.overallAccuracy) < 0.005)
        #expect(abs(scaledOut.duplicateF1 - single.duplicateF1) < 0.005)
    }
}
