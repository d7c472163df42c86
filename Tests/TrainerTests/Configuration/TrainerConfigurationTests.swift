import Features
import ServiceSupport
import TestSupport
import Testing
import TrainerCore

@Suite("Trainer configuration")
struct TrainerConfigurationTests {
    static func configuration(_ environment: [String: String]) async throws -> TrainerConfiguration {
        let reader = try await ConfigurationLoader.reader(
            layout: TestProject.layout, files: ["trainer.yaml", "pipeline.yaml"], environment: environment)
        return try TrainerConfiguration(reader: reader, layout: TestProject.layout)
    }

    @Test("imputation comes from trainer.imputation, environment variables change it or turn it off")
    func imputationSettings() async throws {
        let enabled = try await Self.configuration([
            "TRAINER_IMPUTATION_ENABLED": "true", "TRAINER_IMPUTATION_NEIGHBOURS": "7",
            "TRAINER_IMPUTATION_TARGETS": "garageSpaces,cooling",
        ])
        let imputation = try #require(enabled.imputation)
        #expect(imputation.neighbours == 7)
        #expect(imputation.targets == [FeatureName.garageSpaces, FeatureName.cooling])
        #expect(!imputation.distanceFeatures.isEmpty && imputation.minGroupSize >= 1 && imputation.maxDonors >= 1)
        #expect(try await Self.configuration(["TRAINER_IMPUTATION_ENABLED": "false"]).imputation == nil)
        let error = await #expect(throws: TrainerError.self) {
            try await Self.configuration(["TRAINER_IMPUTATION_ENABLED": "true", "TRAINER_IMPUTATION_NEIGHBOURS": "0"])
        }
        #expect(error?.code == .invalidConfiguration && error?.input == "trainer.imputation.neighbours")
    }
}
