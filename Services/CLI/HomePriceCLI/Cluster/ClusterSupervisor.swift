import Foundation
import Kafka
import Logging
import Schema
import ServiceLifecycle
import ServiceSupport

/// Runs the local cluster: a fresh tansu broker, every topic, and every configured service,
/// restarting a service that crashes — exits non-zero or by a signal — with a growing delay
/// (``RestartBackoff``, reset after a stable run), and reporting each crash on
/// `pipeline.monitoring` and in the state file. A service that exits 0 has finished its job and
/// is not restarted. On graceful shutdown it stops the services, then the broker, and removes the
/// state file.
///
/// The broker is memory-only, so a fresh one is empty: before the services start, the state
/// derived from the old broker's topics (``ClusterSettings/resetOnFreshBroker``: producer
/// progress, the crawl journal) is removed and named in the state file, and every source
/// publishes again. Every ``ClusterSettings/healthCheckMilliseconds`` the supervisor checks the
/// broker — its process alive, its port answering — and records each change of state once
/// (state file, one log line), and rotates log files past ``ClusterSettings/maximumLogBytes``.
/// A dead broker is not restarted behind the services' backs: its topics are gone, and
/// `homeprice down` + `up` starts over cleanly.
public struct ClusterSupervisor: Service {
    let layout: ProjectLayout
    let settings: ClusterSettings
    let kafka: KafkaSettings
    let stateDirectory: URL
    let logger: Logger

    /// Creates a supervisor.
    public init(layout: ProjectLayout, settings: ClusterSettings, kafka: KafkaSettings, stateDirectory: URL, logger: Logger) {
        self.layout = layout
        self.settings = settings
        self.kafka = kafka
        self.stateDirectory = stateDirectory
        self.logger = logger
    }

    private var logs: URL { stateDirectory.appendingPathComponent("logs") }

    public func run() async throws {
        var state = ClusterState(
            supervisorPid: ProcessInfo.processInfo.processIdentifier,
            phase: .starting,
            startedAt: Date(),
            bootstrapServers: "127.0.0.1:\(settings.brokerPort)",
            librdkafka: LibrdkafkaVersion.string,
            broker: nil,
            services: []
        )
        try state.write(to: stateDirectory)
        let broker: TansuBroker
        do {
            broker = try await startBroker()
        } catch {
            // Cancelled (the CLI stopped while the broker started): a stop, not a failure;
            // nothing is left running, so the cluster has no state, as after `homeprice down`.
            if Task.isCancelled {
                try? FileManager.default.removeItem(at: ClusterState.file(in: stateDirectory))
                logger.info("cluster start cancelled", metadata: ["reason": "\(error)"])
                return
            }
            state.phase = .failed
            state.error = "\(error)"
            try state.write(to: stateDirectory)
            throw error
        }
        state.broker = ClusterState.ProcessState(
            name: "broker", pid: broker.brokerProcessIdentifier, status: "running", restarts: 0,
            log: logs.appendingPathComponent("broker.log").path
        )
        state.reset = resetStateOfOldBroker()
        var producerConfiguration = kafka.producer(clientId: "homeprice-supervisor")
        producerConfiguration.client.bootstrapServers = broker.bootstrapServers
        try await KafkaProducer.withProducer(configuration: producerConfiguration, logger: logger) { producer in
            try await supervise(broker: broker, state: &state, producer: producer)
        }
        await broker.stop()
        try? FileManager.default.removeItem(at: ClusterState.file(in: stateDirectory))
        logger.info("cluster stopped")
    }

    /// Removes what the state folder derived from the previous broker's topics; returns what
    /// was there.
    private func resetStateOfOldBroker() -> [String] {
        settings.resetOnFreshBroker.filter { path in
            let url = stateDirectory.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path) else { return false }
            try? FileManager.default.removeItem(at: url)
            logger.info("fresh broker: state of the previous broker removed, sources republish", metadata: ["path": "\(url.path)"])
            return true
        }
    }

    private func startBroker() async throws -> TansuBroker {
        let broker = try await TansuBroker.start(
            layout: layout,
            port: settings.brokerPort,
            logFile: logs.appendingPathComponent("broker.log"),
            timeout: kafka.localBrokerStartTimeout
        )
        var client = kafka.client
        client.bootstrapServers = broker.bootstrapServers
        do {
            try await TopicProvisioner.createAll(using: KafkaAdmin(configuration: client))
        } catch {
            await broker.stop()
            throw error
        }
        logger.info("broker ready", metadata: ["kafka.bootstrap": "\(broker.bootstrapServers)"])
        return broker
    }

    /// Starts the services and restarts crashed ones until graceful shutdown.
    private func supervise(broker: TansuBroker, state: inout ClusterState, producer: KafkaProducer) async throws {
        let (events, sink) = AsyncStream.makeStream(of: SupervisorEvent.self)
        var processes: [String: Process] = [:]
        var launched: [String: ContinuousClock.Instant] = [:]
        var backoff = RestartBackoff(
            initialMilliseconds: settings.restartDelayMilliseconds, maximumMilliseconds: settings.maximumRestartDelayMilliseconds,
            stableAfterMilliseconds: settings.stableAfterMilliseconds)
        let clock = ContinuousClock()
        for definition in settings.services {
            state.services.append(try launch(definition, broker: broker, sink: sink, into: &processes))
            launched[definition.name] = clock.now
        }
        state.phase = .ready
        try state.write(to: stateDirectory)
        await report(producer, service: "supervisor", name: "cluster.ready", severity: .info, message: "cluster ready")

        try await withGracefulShutdownHandler {
            try await withThrowingTaskGroup(of: Void.self) { timers in
                timers.addTask { [settings] in
                    while true {
                        try await Task.sleep(for: .milliseconds(settings.healthCheckMilliseconds))
                        sink.yield(.healthCheck)
                    }
                }
                for await event in events {
                    switch event {
                    case .exited(let name, let pid, let how):
                        guard let index = state.services.firstIndex(where: { $0.name == name && $0.pid == pid }) else { continue }
                        guard how != "exit 0" else {
                            // A clean exit is a finished job (a producer that read its input once),
                            // not a crash: it is not restarted.
                            state.services[index].pid = nil
                            state.services[index].status = "completed"
                            state.services[index].lastExit = how
                            try state.write(to: stateDirectory)
                            await report(producer, service: name, name: "service.completed", severity: .info, message: "\(name) finished")
                            continue
                        }
                        let ran = launched[name].map { clock.now - $0 } ?? .zero
                        let delay = backoff.delay(for: name, ranMilliseconds: Int(ran.components.seconds * 1_000))
                        state.services[index].pid = nil
                        state.services[index].status = "restarting"
                        state.services[index].lastExit = how
                        try state.write(to: stateDirectory)
                        logger.warning("service crashed", metadata: ["service": "\(name)", "exit": "\(how)"])
                        await report(
                            producer, service: name, name: "service.crashed", severity: .error,
                            message: "\(name) exited (\(how)); restarting in \(delay) ms"
                        )
                        timers.addTask {
                            try await Task.sleep(for: .milliseconds(delay))
                            sink.yield(.restartDue(service: name))
                        }
                    case .restartDue(let name):
                        guard let definition = settings.services.first(where: { $0.name == name }),
                            let index = state.services.firstIndex(where: { $0.name == name })
                        else { continue }
                        let restarted = try launch(definition, broker: broker, sink: sink, into: &processes)
                        launched[name] = clock.now
                        state.services[index].pid = restarted.pid
                        state.services[index].status = restarted.status
                        state.services[index].restarts += 1
                        try state.write(to: stateDirectory)
                        await report(
                            producer, service: name, name: "service.restarted", severity: .warning,
                            message: "\(name) restarted (restart \(state.services[index].restarts))"
                        )
                    case .healthCheck:
                        LogFile.rotate(in: logs, largerThan: settings.maximumLogBytes)
                        let health = BrokerHealth.check(broker)
                        guard var brokerState = state.broker, brokerState.status != health.status else { continue }
                        brokerState.status = health.status
                        brokerState.pid = broker.brokerProcessIdentifier
                        if health == .dead { brokerState.lastExit = "exited at \(Date())" }
                        state.broker = brokerState
                        try state.write(to: stateDirectory)
                        if health == .running {
                            logger.notice("broker answers again", metadata: ["kafka.bootstrap": "\(broker.bootstrapServers)"])
                            await report(
                                producer, service: "broker", name: "broker.recovered", severity: .info, message: "broker answers again")
                        } else {
                            logger.warning("broker \(health.status)", metadata: ["kafka.bootstrap": "\(broker.bootstrapServers)"])
                        }
                    }
                }
                timers.cancelAll()
            }
        } onGracefulShutdown: {
            sink.finish()
        }

        state.phase = .stopping
        try state.write(to: stateDirectory)
        for (_, process) in processes {
            await ChildProcess.terminate(process, grace: .seconds(settings.stopGraceSeconds))
        }
    }

    /// Starts one service with its log file and the cluster's environment.
    private func launch(
        _ definition: ClusterSettings.ServiceDefinition,
        broker: TansuBroker,
        sink: AsyncStream<SupervisorEvent>.Continuation,
        into processes: inout [String: Process]
    ) throws -> ClusterState.ProcessState {
        let log = logs.appendingPathComponent("\(definition.name).log")
        guard let executable = ServiceCommandResolver.resolve(definition.command, layout: layout) else {
            throw ServiceSupportError(code: .processFailed, reason: "no such executable", input: definition.command)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = definition.arguments
        process.environment = ServiceEnvironment.of(service: definition.name, bootstrapServers: broker.bootstrapServers, layout: layout)
        process.currentDirectoryURL = layout.root
        let output = try LogFile.appendingHandle(log)
        process.standardOutput = output
        process.standardError = output
        let name = definition.name
        process.terminationHandler = { ended in
            let how = ended.terminationReason == .uncaughtSignal ? "signal \(ended.terminationStatus)" : "exit \(ended.terminationStatus)"
            sink.yield(.exited(service: name, pid: ended.processIdentifier, how: how))
        }
        do {
            try process.run()
        } catch {
            throw ServiceSupportError(code: .processFailed, reason: "\(error)", input: executable.path)
        }
        processes[name] = process
        logger.info("service started", metadata: ["service": "\(name)", "pid": "\(process.processIdentifier)"])
        return ClusterState.ProcessState(
            name: name, pid: process.processIdentifier, status: "running", restarts: 0, log: log.path
        )
    }

    /// Publishes a service-status event on `pipeline.monitoring`; a failure is only logged.
    private func report(_ producer: KafkaProducer, service: String, name: String, severity: Severity, message: String) async {
        let event = MonitoringEvent(
            service: service, instance: "supervisor", kind: .serviceStatus, name: name,
            severity: severity, message: message, at: Date()
        )
        do {
            _ = try await producer.send(
                KafkaProducerMessage(topic: Topic.pipelineMonitoring.name, key: Array(event.key.utf8), value: Array(try event.encoded()))
            )
        } catch {
            logger.warning("monitoring event not published", metadata: ["error": "\(error)"])
        }
    }
}
