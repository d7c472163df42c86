import Configuration
import MonitorCore
import ServiceSupport
import TestSupport
import Testing

@Suite("Monitor configuration")
struct MonitorConfigurationTests {
    @Test("configs/monitor.yaml reads completely, with Evidently's thresholds")
    func projectFile() async throws {
        let configuration = try await MonitorFixture().configuration
        #expect(configuration.regions == ["US", "CA", "DE"])
        #expect(configuration.modelName(of: "DE") == "homeprice-de")
        #expect(configuration.settings.drift.psiWarning == 0.1 && configuration.settings.drift.psiAlert == 0.2)
        #expect(configuration.settings.drift.ksAlpha == 0.05)
        #expect(configuration.settings.alerts.retrainTarget == "trainer")
    }

    @Test("a missing threshold is an error naming its key")
    func missingKey() {
        let reader = ConfigReader(provider: InMemoryProvider(values: ["monitor.serviceName": "monitor"]))
        #expect(throws: MonitorError.self) { try MonitorConfiguration(reader: reader, layout: nil) }
        do {
            _ = try MonitorConfiguration(reader: reader, layout: nil)
        } catch {
            #expect(error.code == .invalidConfiguration && error.input == "monitor.regions")
        }
    }
}
