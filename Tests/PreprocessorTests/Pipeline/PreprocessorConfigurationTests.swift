import Configuration
import PreprocessorCore
import ServiceSupport
import TestSupport
import Testing

@Suite("Preprocessor configuration")
struct PreprocessorConfigurationTests {
    @Test("configs/preprocessor.yaml and the features of configs/pipeline.yaml load")
    func projectFilesLoad() async throws {
        let configuration = try await Preprocessors.configuration()
        #expect(configuration.serviceName == "preprocessor-0")
        #expect(configuration.groupId == "homeprice-preprocessor")
        #expect(configuration.features.regions.keys.sorted() == ["CA", "DE", "US"])
        #expect(configuration.features.region("DE")?.currency == "EUR")
        #expect(configuration.features.cleaning.minLivingArea == 10)
    }

    @Test("environment variables named after the key paths override both files")
    func environmentOverrides() async throws {
        let configuration = try await Preprocessors.configuration(environment: [
            "PREPROCESSOR_GROUP_ID": "homeprice-preprocessor-blue", "PREPROCESSOR_SERVICE_NAME": "preprocessor-3",
            "FEATURES_CLEANING_MAX_ROOMS": "40",
        ])
        #expect(configuration.groupId == "homeprice-preprocessor-blue")
        #expect(configuration.serviceName == "preprocessor-3")
        #expect(configuration.features.cleaning.maxRooms == 40)
    }

    @Test("a blank group id is rejected, naming the key")
    func blankNameIsRejected() async throws {
        let error = try await #require(throws: PreprocessorError.self) {
            try await Preprocessors.configuration(environment: ["PREPROCESSOR_GROUP_ID": "  "])
        }
        #expect(error.code == .invalidConfiguration)
        #expect(error.field == "preprocessor.groupId")
    }

    @Test("without the feature settings the configuration is rejected, naming the first missing key")
    func missingFeatureSettingsAreRejected() async throws {
        let reader = try await ConfigurationLoader.reader(layout: TestProject.layout, files: ["preprocessor.yaml"], environment: [:])
        let error = try #require(throws: PreprocessorError.self) { try PreprocessorConfiguration(reader: reader) }
        #expect(error.code == .invalidConfiguration)
        #expect(error.field == "features.cleaning.minLivingArea")
    }
}
