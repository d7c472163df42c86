import Foundation
import Kafka
import ServiceSupport
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("The local tansu broker's watchdog")
struct TansuBrokerTests {
    @Test(
        "a start on a port another broker holds fails at once, naming tansu's exit and the end of its log, and leaves the other broker answering"
    )
    func portHeldByAnotherBroker() async throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("tansu-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        try await TestProject.withBroker { other in
            let started = ContinuousClock.now
            let error = await #expect(throws: ServiceSupportError.self) {
                let wrong = try await TansuBroker.start(
                    layout: TestProject.layout, port: other.port, logFile: log, timeout: TestProject.brokerStartTimeout)
                await wrong.stop()
            }
            #expect(error?.code == .brokerUnavailable)
            #expect(error?.reason.hasPrefix("tansu exited at start") == true, "\(String(describing: error))")
            #expect(error?.reason.contains("Address in use") == true, "tansu's own words, from its log")
            #expect(ContinuousClock.now - started < TestProject.brokerStartTimeout, "it did not wait out the start timeout")
            let admin = try KafkaAdmin(
                configuration: KafkaClientConfiguration(bootstrapServers: other.bootstrapServers), timeout: .seconds(120))
            #expect(try await !admin.brokers().isEmpty)
            #expect(other.brokerProcessIdentifier != nil)
        }
    }

    @Test(
        "with SIGCHLD blocked (as the supervisor's threads have it) and a client connected, the watchdog stops tansu and exits on its own")
    func watchdogExitsWithSIGCHLDBlocked() async throws {
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGCHLD)
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        let broker: TansuBroker
        do {
            broker = try await TestProject.startBroker()
        } catch {
            pthread_sigmask(SIG_SETMASK, &previous, nil)
            throw error
        }
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        let tansu = try #require(broker.brokerProcessIdentifier)
        try await KafkaProducer.withProducer(
            configuration: KafkaTestClients.producer(broker.bootstrapServers), logger: KafkaTestClients.logger
        ) {
            producer in
            try await KafkaTestClients.createTopic("watchdog", partitions: 1, on: broker.bootstrapServers)
            _ = try await producer.send(KafkaProducerMessage(topic: "watchdog", key: [1], value: Array(repeating: 7, count: 100_000)))
            #expect(await broker.stop(), "the watchdog exited by itself, not after the stop's timeout and a kill")
        }
        #expect(broker.processIdentifier == nil)
        #expect(!LocalPort.isAccepting(broker.port), "tansu's port is closed")
        let state = (try? String(contentsOfFile: "/proc/\(tansu)/stat", encoding: .utf8))?.split(separator: " ").dropFirst(2).first
        #expect(state == nil || state == "Z", "tansu is gone")
    }
}
