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

    @Test("the configured warehouse lives in the state folder, so HOMEPRICE_STATE_DIR gives each cluster its own")
    func warehouseFollowsTheStateFolder() async throws {
        let configuration = try await NormalizerConfiguration.load(layout: TestProject.layout)
        let first = configuration.resolve(
            configuration.warehousePath, layout: TestProject.layout, environment: ["HOMEPRICE_STATE_DIR": "/tmp/a"])
        let second = configuration.resolve(
            configuration.warehousePath, layout: TestProject.layout, environment: ["HOMEPRICE_STATE_DIR": "/tmp/b"])
        #expect(first.path == "/tmp/a/warehouse.sqlite")
        #expect(second.path == "/tmp/b/warehouse.sqlite")
    }
}
