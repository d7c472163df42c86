import Configuration
import Kafka
import ServiceSupport
import Testing

@Suite("Kafka settings from configs/kafka.yaml and the environment")
struct KafkaSettingsTests {
    @Test("the project's kafka.yaml gives the local profile of the design")
    func projectFileGivesTheLocalProfile() async throws {
        let settings = try await KafkaSettings.load(layout: TestProjectLayout.layout)
        #expect(settings.producer.lingerMilliseconds == 50)
        #expect(settings.consumerTemplate.sessionTimeoutMilliseconds == 6_000)
        #expect(settings.consumerTemplate.heartbeatIntervalMilliseconds == 1_000)
        #expect(settings.consumerTemplate.fetchWaitMaxMilliseconds == 500)
        #expect(settings.client.allowAutoCreateTopics == false)
        #expect(settings.localBrokerStartTimeout == .seconds(60))
    }

    @Test("a higher-priority provider overrides the file, and raw librdkafka properties pass through")
    func overridesAndPassThroughProperties() throws {
        let reader = ConfigReader(providers: [
            InMemoryProvider(values: [
                "kafka.bootstrapServers": "broker-1:9093",
                "kafka.producer.lingerMs": 7,
                "kafka.localBroker.startTimeoutSeconds": 240,
                "kafka.properties": .init(.stringArray(["security.protocol=SASL_SSL", "sasl.mechanism=PLAIN"]), isSecret: false),
            ])
        ])
        let settings = try KafkaSettings(reader: reader)
        #expect(settings.client.bootstrapServers == "broker-1:9093")
        #expect(settings.producer.lingerMilliseconds == 7)
        #expect(settings.localBrokerStartTimeout == .seconds(240))
        #expect(settings.client.properties == ["security.protocol": "SASL_SSL", "sasl.mechanism": "PLAIN"])
        let consumer = settings.consumer(subscription: .group(id: "g", topics: ["t"]))
        #expect(consumer.client.properties["security.protocol"] == "SASL_SSL")
    }

    @Test("KAFKA_PROPERTIES holds one property per line, so values keep their commas; other lists stay comma-separated")
    func environmentPropertiesKeepCommas() async throws {
        let environment = [
            "KAFKA_PROPERTIES": "sasl.jaas.config=module required user=\"a,b\" password=\"c\";\nssl.cipher.suites=ECDHE-A,ECDHE-B\n",
            "TRAINER_REGIONS": "US,CA",
        ]
        let reader = try await ConfigurationLoader.reader(
            layout: TestProjectLayout.layout, files: ["kafka.yaml"], environment: environment)
        let settings = try KafkaSettings(reader: reader)
        #expect(
            settings.client.properties == [
                "sasl.jaas.config": "module required user=\"a,b\" password=\"c\";", "ssl.cipher.suites": "ECDHE-A,ECDHE-B",
            ])
        #expect(reader.stringArray(forKey: "trainer.regions", default: []) == ["US", "CA"])
    }

    @Test("a pass-through property without name=value is rejected, naming the entry")
    func malformedPassThroughIsRejected() {
        let reader = ConfigReader(providers: [
            InMemoryProvider(values: ["kafka.properties": .init(.stringArray(["no-equals-sign"]), isSecret: false)])
        ])
        #expect {
            try KafkaSettings(reader: reader)
        } throws: { error in
            (error as? ServiceSupportError)?.input?.contains("no-equals-sign") == true
        }
    }

    @Test("an unknown offset reset is rejected, naming the key")
    func unknownOffsetResetIsRejected() {
        let reader = ConfigReader(providers: [InMemoryProvider(values: ["kafka.consumer.offsetReset": "sometimes"])])
        #expect {
            try KafkaSettings(reader: reader)
        } throws: { error in
            (error as? ServiceSupportError)?.input == "kafka.consumer.offsetReset: sometimes"
        }
    }

    @Test("a broker probe interval below 1 ms is rejected, naming the key (0 would never end an outage)")
    func zeroProbeIntervalIsRejected() {
        let reader = ConfigReader(providers: [InMemoryProvider(values: ["kafka.producer.brokerProbeIntervalMs": 0])])
        #expect {
            try KafkaSettings(reader: reader)
        } throws: { error in
            (error as? ServiceSupportError)?.input == "kafka.producer.brokerProbeIntervalMs: 0"
        }
    }

    @Test("librdkafka rejects an unknown raw property at client creation, naming it")
    func unknownRawPropertyIsNamed() {
        let configuration = KafkaProducerConfiguration(
            client: KafkaClientConfiguration(bootstrapServers: "127.0.0.1:1", properties: ["no.such.property": "1"])
        )
        #expect {
            _ = try KafkaProducer(configuration: configuration, logger: .init(label: "test"))
        } throws: { error in
            (error as? KafkaError)?.code == .invalidConfiguration && (error as? KafkaError)?.input == "no.such.property=1"
        }
    }

    @Test("pointing the settings at another broker moves every client, producer and consumer alike")
    func connectingMovesEveryClient() throws {
        let settings = try KafkaSettings(reader: ConfigReader(providers: [InMemoryProvider(values: [:])]))
            .connecting(to: "127.0.0.1:19092")
        #expect(settings.client.bootstrapServers == "127.0.0.1:19092")
        #expect(settings.producer(clientId: "p").client.bootstrapServers == "127.0.0.1:19092")
        #expect(settings.consumer(subscription: .group(id: "g", topics: ["t"])).client.bootstrapServers == "127.0.0.1:19092")
    }
}
