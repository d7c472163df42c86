import NormalizerCore
import TestSupport
import Testing

@Suite("Normalizer configuration")
struct NormalizerConfigurationTests {
    @Test("reads the warehouse busy timeout from configs/normalizer.yaml")
    func readsWarehouseBusyTimeout() async throws {
        let configuration = try await NormalizerConfiguration.load(layout: TestProject.layout)
        #expect(configuration.warehouseBusyTimeout == .milliseconds(30_000))
    }
}
