import Foundation
import Kafka
import Pipeline
import Schema
import ServiceSupport
import TestSupport
import Testing

@Suite("A service reports on pipeline.monitoring that the broker is back", .timeLimit(.minutes(15)))
struct BrokerOutageReporterTests {
    @Test("the broker killed and started again: the idle producer's process posts a broker.back event with the outage's length")
    func brokerBackIsReported() async throws {
        let first = try await TestProject.startBroker()
        let port = first.port
        var configuration = KafkaTestClients.producer(first.bootstrapServers)
        configuration.client.clientId = "outage-reporter-test"
        configuration.brokerProbeIntervalMilliseconds = 200
        let producer = try KafkaProducer(configuration: configuration, logger: KafkaTestClients.logger)
        let services = ServiceMain.withBrokerOutageReports([producer], logger: KafkaTestClients.logger)
        #expect(services.count == 2 && services.last is BrokerOutageReporter)
        var second: TansuBroker?
        do {
            try await withRunningServices(services) {
                try await withDeadline(.seconds(120), waitingFor: "the producer to reach the broker") {
                    try await KafkaTestClients.createTopic(Topic.pipelineMonitoring.name, partitions: 1, on: first.bootstrapServers)
                    _ = try await producer.send(KafkaProducerMessage(topic: Topic.pipelineMonitoring.name, key: [1], value: [1]))
                }
                #expect(producer.reachesBroker)
                await first.stop()
                try await withDeadline(.seconds(120), waitingFor: "the producer to notice the broker is gone") {
                    while producer.reachesBroker { try await Task.sleep(for: .milliseconds(50)) }
                }
                let restarted = try await TansuBroker.start(layout: TestProject.layout, port: port, timeout: TestProject.brokerStartTimeout)
                second = restarted
                try await KafkaTestClients.createTopic(Topic.pipelineMonitoring.name, partitions: 1, on: restarted.bootstrapServers)
                let events = try await waitForMessages(
                    MonitoringEvent.self, on: restarted.bootstrapServers, timeout: .seconds(180), until: "broker.back is posted"
                ) { events in events.contains { $0.name == "broker.back" } }
                let back = try #require(events.first { $0.name == "broker.back" })
                #expect(back.service == "outage-reporter-test")
                #expect(back.kind == .serviceStatus && back.severity == .warning)
                #expect((back.values["outageSeconds"] ?? 0) > 0)
                #expect(back.message?.contains("answers again") == true)
                #expect(producer.reachesBroker)
            }
        } catch {
            await second?.stop()
            throw error
        }
        await second?.stop()
    }

    @Test("the event names the client, the outage's length (to the millisecond; a tenth of a second in the message) and when it began")
    func eventDescribesTheOutage() {
        let began = Date(timeIntervalSince1970: 1_800_000_000)
        let event = BrokerOutageReporter.event(for: BrokerOutage(client: "trainer", began: began, ended: began.addingTimeInterval(12.345)))
        #expect(event.service == "trainer" && event.name == "broker.back" && event.at == began.addingTimeInterval(12.345))
        let named = BrokerOutageReporter.event(
            for: BrokerOutage(client: "trainer-0", began: began, ended: began), service: "trainer")
        #expect(named.service == "trainer" && named.instance == "trainer-0", "the supervisor's name, the client as instance")
        #expect(event.values == ["outageSeconds": 12.345])
        #expect(event.message == "trainer: the broker answers again after 12.3 s unreachable (since 2027-01-15T08:00:00Z)")
    }
}
