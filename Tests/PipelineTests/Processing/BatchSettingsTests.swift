import Configuration
import Pipeline
import Schema
import ServiceSupport
import TestSupport
import Testing

@Suite("Batch settings")
struct BatchSettingsTests {
    /// The settings of `stage` read from `configs/pipeline.yaml` under `environment`.
    private func settings(_ stage: PipelineStage, environment: [String: String] = [:]) async throws -> BatchSettings {
        let reader = try await ConfigurationLoader.reader(layout: TestProject.layout, files: ["pipeline.yaml"], environment: environment)
        return BatchSettings(reader: reader, stage: stage, service: "test")
    }

    @Test("a stage without a batch size of its own takes pipeline.batchSize from configs/pipeline.yaml")
    func sharedSize() async throws {
        #expect(try await settings(.preprocessing).batchSize == 500)
        #expect(try await settings(.monitoring, environment: ["PIPELINE_BATCH_SIZE": "64"]).batchSize == 64)
    }

    @Test("the normalization stage takes its own batch size, which the shared override leaves alone")
    func stageSize() async throws {
        #expect(try await settings(.normalization).batchSize == 1000)
        #expect(try await settings(.normalization, environment: ["PIPELINE_BATCH_SIZE": "64"]).batchSize == 1000)
        let own = try await settings(.normalization, environment: ["PIPELINE_STAGES_NORMALIZATION_BATCH_SIZE": "250"])
        #expect(own.batchSize == 250)
    }

    @Test("a stage's size in a configuration without files falls back to the shared size, then to 500")
    func inMemory() {
        let reader = ConfigReader(
            provider: InMemoryProvider(values: ["pipeline.batchSize": 40, "pipeline.stages.monitoring.batchSize": 8]))
        #expect(BatchSettings(reader: reader, stage: .monitoring, service: "m").batchSize == 8)
        #expect(BatchSettings(reader: reader, stage: .serving, service: "s").batchSize == 40)
        #expect(
            BatchSettings(reader: ConfigReader(provider: InMemoryProvider(values: [:])), stage: .serving, service: "s").batchSize == 500)
    }
}
