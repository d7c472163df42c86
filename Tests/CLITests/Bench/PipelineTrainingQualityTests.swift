import Foundation
import TestSupport
import Testing

@testable import HomePriceCLI

@Suite("homeprice bench pipeline-training: the pipeline-trained model's quality", .timeLimit(.minutes(30)))
struct PipelineTrainingQualityTests {
    /// The goal, run as a user runs it: the scenario's raw records through the normalizer
    /// and the preprocessor on a fresh broker, a model per region trained on the feature rows,
    /// beside the same engine trained on a clean copy of the sources. At the lowest priority, so
    /// the rest of the suite keeps its pace; the figures do not depend on timing.
    @Test("per region, the pipeline-trained model's MAPE is within the goal of the clean sources' model, on labels the pipeline got right")
    func pipelineModelMeetsTheQualityGoal() async throws {
        let bench = try HomepriceProcess(
            ["-n", "19", TestProject.homepriceExecutable.path, "bench", "pipeline-training", "--json"],
            executable: URL(fileURLWithPath: "/usr/bin/nice"))
        let status = try await bench.waitForExit(timeout: .seconds(540))
        try #require(status == 0, "\(bench.errorOutput)")
        let json = try #require(bench.output.last { $0.hasPrefix("{\"") }, "no JSON report in \(bench.output)")
        let report = try JSONDecoder().decode(PipelineTrainingBenchmark.Report.self, from: Data(json.utf8))

        #expect(report.goal == 1.05)
        #expect(report.preprocessorRowsPerSecond > 0 && report.relayRowsPerSecond > 0)
        #expect(Set(report.regions.map(\.region)) == ["US", "CA", "DE"])
        for region in report.regions {
            #expect(region.testHomes >= 50, "\(region.region): too few test homes to judge")
            #expect(region.pipelineLabelsOff <= 0.01, "\(region.region): \(region.pipelineLabelsOff) of the labels are wrong")
            #expect(
                region.pipelineOverCleanSources <= report.goal,
                "\(region.region): pipeline MAPE \(region.pipelineMAPE) against the clean sources' \(region.cleanSourcesMAPE)")
            #expect(region.withinGoal == (region.pipelineOverCleanSources <= report.goal))
        }
    }
}
