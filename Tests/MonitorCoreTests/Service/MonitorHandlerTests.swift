import Foundation
import Kafka
import Logging
import MonitorCore
import Pipeline
import Schema
import Testing

@Suite("Monitor batch handler")
struct MonitorHandlerTests {
    private func message(_ topic: Topic, key: String?, value: [UInt8], at time: Date? = nil) -> KafkaConsumerMessage {
        KafkaConsumerMessage(
            topic: topic.name, partition: 0, offset: 0, key: key.map { Array($0.utf8) }, value: value, headers: [], timestamp: time)
    }

    @Test(
        "raw records are counted per source from their key, an unreadable row fails alone, dead letters, restarts and broker outages are counted"
    )
    func handlesEveryTopic() async throws {
        let fixture = try await MonitorFixture()
        let handler = MonitorHandler(monitor: Monitor(settings: fixture.settings), champions: nil, logger: Logger(label: "test"))
        let seen = Date(timeIntervalSince1970: 1_700_000_000)
        let letter = DeadLetter(
            originalKey: "k", originalPayload: "{", originalPayloadEncoding: .utf8, stage: .normalization, service: "normalizer-0",
            reasons: [FailureReason(code: "mapping.missingField", message: "no price")], failedAt: seen)
        let outcomes = try await handler.handle([
            message(.homesRaw, key: "us-agency-flat/17", value: Array("{}".utf8), at: seen),
            message(.homesRaw, key: "us-agency-flat/18", value: [], at: seen.addingTimeInterval(5)),
            message(.homesFeatures, key: "h1", value: Array("not json".utf8)),
            message(.homesDeadLetter, key: "k", value: Array(try letter.encoded())),
            message(.homesRaw, key: "no-slash", value: []),
            message(
                .pipelineMonitoring, key: "normalizer",
                value: Array(
                    try MonitoringEvent(
                        service: "normalizer", instance: "supervisor", kind: .serviceStatus, name: "service.restarted", severity: .warning,
                        at: seen
                    ).encoded())),
            message(
                .pipelineMonitoring, key: "preprocessor",
                value: Array(
                    try BrokerOutageReporter.event(
                        for: BrokerOutage(client: "preprocessor-0", began: seen, ended: seen.addingTimeInterval(42)), service: "normalizer"
                    ).encoded())),
        ])
        #expect(outcomes.map(\.isFailure) == [false, false, true, false, true, false, false])
        let health = handler.snapshot.health
        #expect(health.sources["us-agency-flat"]?.records == 2)
        #expect(health.sources["us-agency-flat"]?.lastSeen == seen.addingTimeInterval(5))
        #expect(health.deadLetters == ["normalization": ["mapping.missingField": 1]])
        #expect(health.restarts == ["normalizer": 1] && health.crashes.isEmpty)
        // Under the supervisor's name for the process, beside its restarts: one row per service.
        #expect(health.brokerOutages["normalizer"]?.count == 1 && health.brokerOutages["normalizer"]?.longestSeconds == 42)
        #expect(handler.handledMessages == 7)
    }
}
