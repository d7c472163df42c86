import Kafka
import ModelRegistry
import MonitorCore
import ServiceSupport
import TestSupport
import Testing

@Suite("Consumer lag on the monitor")
struct ConsumerLagWatcherTests {
    @Test("the watched groups' lag is read from the broker and shown on the dashboard; an unknown topic is left out")
    func lagOfWatchedGroups() async throws {
        try await TestProject.withBroker { broker in
            let topic = TestProject.uniqueTopic("lagged")
            try await KafkaTestClients.createTopic(topic, partitions: 3, on: broker.bootstrapServers)
            _ = try await KafkaProducer.withProducer(
                configuration: KafkaTestClients.producer(broker.bootstrapServers), logger: KafkaTestClients.logger
            ) { producer in
                try await producer.send(
                    (0..<7).map { KafkaProducerMessage(topic: topic, key: nil, value: "m\($0)", partition: Int32($0 % 3)) })
            }
            let watcher = ConsumerLagWatcher(
                admin: try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: broker.bootstrapServers)),
                groups: [
                    WatchedConsumerGroup(group: "idle-readers", topic: topic), WatchedConsumerGroup(group: "x", topic: "no-such-topic"),
                ],
                interval: .seconds(60))
            #expect(watcher.lag.isEmpty)
            await watcher.read()
            #expect(watcher.lag.map(\.group) == ["idle-readers"])
            #expect(watcher.lag.first?.total == 7)
            let fixture = try await MonitorFixture()
            let page = DashboardPage.render(
                DashboardData(monitor: Monitor(settings: fixture.settings), registry: RegistryState(), reviews: [], lag: watcher.lag))
            #expect(page.contains("<h3>Consumer lag</h3>") && page.contains("<td>idle-readers</td><td>\(topic)</td><td>7</td>"))
        }
    }
}
