import Features
import Foundation
import Kafka
import Logging
import ML
import Metrics
import ModelRegistry
import Pipeline
import Schema
import ServiceLifecycle
import Synchronization

/// The trainer's long-running work: keeps the training store current from `homes.features` and
/// `feedback`, takes `retrain` commands from `pipeline.control`, evaluates the triggers every
/// ``TrainerConfiguration/checkInterval``, and runs the trainings they ask for, one at a time,
/// off the cooperative pool.
///
/// State survives restarts: the store and the input positions are saved every
/// ``TrainerConfiguration/snapshotInterval`` (and before a training starts); a training is
/// planned into its own folder first, so a killed trainer resumes it from its last checkpoint.
public final class TrainerLoop: Service, Sendable {
    private let configuration: TrainerConfiguration
    private let inputs: KafkaConsumer
    /// Dead letters of inputs and commands no schema reads.
    private let deadLetters: DeadLetterPublisher
    private let control: KafkaConsumer
    private let producer: KafkaProducer
    private let registry: LatestValueReader<ModelEvent>
    private let admin: KafkaAdmin
    private let artifacts: ArtifactStore
    private let stateFile: StateFile<TrainerState>
    private let state: Mutex<TrainerState>
    private let saving = Mutex(())
    private let clock: TrainerClock
    private let logger: Logger
    private let executor = BlockingExecutor(label: "homeprice.trainer.training")
    private let runner: JobRunner
    private let evaluator: TriggerEvaluator
    private let metrics: TrainerMetrics

    /// The engine's name on registry events.
    static let algorithm = "gbt"

    /// Creates the loop; `state` is what ``TrainerService`` loaded from `stateFile` (its input
    /// positions configured `inputs`); `deadLetters` publishes the dead letters of unreadable
    /// inputs and commands.
    public init(
        configuration: TrainerConfiguration, state: TrainerState, stateFile: StateFile<TrainerState>, inputs: KafkaConsumer,
        control: KafkaConsumer, producer: KafkaProducer, deadLetters: DeadLetterPublisher, registry: LatestValueReader<ModelEvent>,
        admin: KafkaAdmin, artifacts: ArtifactStore, clock: TrainerClock, logger: Logger,
        metrics: any MetricsFactory = MetricsSystem.factory
    ) {
        self.configuration = configuration
        self.state = Mutex(state)
        self.stateFile = stateFile
        self.inputs = inputs
        self.control = control
        self.producer = producer
        self.registry = registry
        self.admin = admin
        self.artifacts = artifacts
        self.clock = clock
        self.logger = logger
        runner = JobRunner(model: configuration.model, features: configuration.features, imputation: configuration.imputation)
        self.deadLetters = deadLetters
        evaluator = TriggerEvaluator(configuration: configuration)
        self.metrics = TrainerMetrics(factory: metrics)
    }

    /// The folder of planned and running trainings.
    var jobsDirectory: URL { configuration.stateDirectory.appendingPathComponent("jobs", isDirectory: true) }

    /// A copy of the current state (tests and status).
    public var currentState: TrainerState { state.withLock { $0 } }

    /// Runs until graceful shutdown. A training in progress stops at its next epoch's end, its
    /// job folder and checkpoint kept: the next start resumes it (as after a kill).
    public func run() async throws {
        do {
            try await work()
        } catch is CancellationError where Task.isShuttingDownGracefully {
            // Graceful shutdown cancels whatever was waiting; that is a normal stop.
        }
        try? save()
    }

    private func work() async throws {
        try await cancelWhenGracefulShutdown {
            try await self.registry.waitUntilCaughtUp(admin: self.admin)
            self.rememberFirstSlots()
            for folder in JobFolder.pending(in: self.jobsDirectory) {
                try await self.reportingFailure(of: folder.url.lastPathComponent, region: nil) { try await self.resume(folder) }
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await self.readInputs() }
                group.addTask { try await self.readCommands() }
                group.addTask { try await self.tick() }
                try await group.next()
                group.cancelAll()
            }
        }
    }

    // MARK: Inputs

    private func readInputs() async throws {
        var batches = inputs.messages.makeAsyncIterator()
        while !Task.isCancelled, let batch = try await batches.nextBatch(maximum: 1_000) {
            let now = clock.now
            var rows: [FeatureRow] = []
            var feedback: [Feedback] = []
            var letters: [DeadLetter] = []
            for message in batch {
                do {
                    if message.topic == Topic.feedback.name {
                        feedback.append(try Feedback.decode(from: Data(message.value)))
                    } else {
                        rows.append(try FeatureRow.decode(from: Data(message.value)))
                    }
                } catch {
                    letters.append(
                        deadLetters.writer.deadLetter(
                            for: message, reasons: [FailureReason(code: "trainer.unreadableInput", message: "\(error)")]))
                }
            }
            await deadLetters.publish(letters)
            state.withLock { state in
                rows.forEach { state.store.apply($0, at: now) }
                feedback.forEach { state.store.apply($0) }
                for message in batch {
                    state.store.advance(topic: message.topic, partition: message.partition, to: message.offset + 1)
                }
            }
        }
    }

    private func readCommands() async throws {
        for try await message in control.messages {
            do {
                let command = try ControlCommand.decode(from: Data(message.value))
                if command.target == "trainer", command.action == .retrain { take(command) }
            } catch {
                await deadLetters.deadLetter(message, reasons: [FailureReason(code: "trainer.unreadableCommand", message: "\(error)")])
            }
            try control.storeOffset(message)
        }
    }

    /// Queues a retrain command (once per command id) and saves the state, so the request
    /// survives a crash before the command's offset is committed.
    func take(_ command: ControlCommand) {
        let regions = command.arguments["region"].map { [$0.uppercased()] } ?? configuration.regions
        let detail = "command \(command.commandId) by \(command.issuedBy)" + (command.reason.map { ": \($0)" } ?? "")
        let taken = state.withLock { state in
            guard state.remember(command: command.commandId) else { return [String]() }
            let known = regions.filter(configuration.regions.contains)
            for region in known { state.requested[region] = detail }
            return known
        }
        guard !taken.isEmpty else { return }
        logger.info("retrain requested", metadata: ["regions": "\(taken)", "command": "\(command.commandId)"])
        do { try save() } catch { logger.error("cannot save the trainer state", metadata: ["error": "\(error)"]) }
    }

    // MARK: Triggers

    private func tick() async throws {
        var lastSave = ContinuousClock.now
        while !Task.isCancelled {
            try await Task.sleep(for: configuration.checkInterval)
            try await runDueTrainings()
            if ContinuousClock.now - lastSave >= configuration.snapshotInterval {
                try save()
                lastSave = ContinuousClock.now
            }
        }
    }

    /// Runs every training the triggers ask for now, one after the other.
    public func runDueTrainings() async throws {
        let now = clock.now
        for request in state.withLock({ evaluator.due(state: $0, now: now) }) {
            try await reportingFailure(
                of: "\(configuration.modelName(of: request.region)) (\(request.trigger.kind.rawValue))", region: request.region
            ) {
                try await self.train(request, at: now)
            }
        }
    }

    private func rememberFirstSlots() {
        let now = clock.now
        state.withLock { state in
            for region in configuration.regions where state.lastScheduledSlot[region] == nil {
                state.lastScheduledSlot[region] = evaluator.latestSlot(region: region, now: now)
            }
        }
    }

    // MARK: Training

    /// Plans the training of `request` (or reports why it cannot), saves it, and runs it.
    private func train(_ request: TrainingRequest, at now: Date) async throws {
        let region = request.region
        let model = configuration.modelName(of: region)
        guard let currency = configuration.features.region(region)?.currency else { return }
        let version = nextVersion(of: model)
        let planned: Result<TrainingJob, TrainerError> = state.withLock { state in
            let sequence = state.store.sequence
            state.requested[region] = nil
            state.trainedThrough[region] = sequence
            state.lastScheduledSlot[region] = evaluator.latestSlot(region: region, now: now)
            let rows = state.store.labelledRows(
                region: region, currency: currency, featureSchemaVersion: FeatureSchema.version)
            return Result { () throws(TrainerError) in
                try TrainingJob.plan(
                    modelName: model, version: version, region: region, currency: currency, trigger: request.trigger, rows: rows,
                    minimumRows: configuration.minimumRows, validationFraction: configuration.validationFraction,
                    sequence: sequence, at: now)
            }
        }
        switch planned {
        case .failure(let error):
            metrics.training(region: region, outcome: .skipped)
            try save()
            try await publish([
                event(
                    .alert, "training.skipped", severity: .warning, message: "\(model): \(error.reason)",
                    labels: ["model": model, "region": region, "trigger": request.trigger.kind.rawValue])
            ])
        case .success(let job):
            let folder = JobFolder(jobs: jobsDirectory, job: job)
            try folder.save(job)
            try save()
            try await run(job, in: folder)
        }
    }

    /// Runs one training, turning its failure into a `training.failed` alert so one bad
    /// training never stops the trainer.
    private func reportingFailure(of what: String, region: String?, _ training: () async throws -> Void) async throws {
        do {
            try await training()
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            logger.error("training failed", metadata: ["training": "\(what)", "error": "\(error)"])
            if let region { metrics.training(region: region, outcome: .failed) }
            var labels = ["training": what]
            if let region { labels["region"] = region }
            _ = try? await publish([event(.alert, "training.failed", severity: .error, message: "\(what): \(error)", labels: labels)])
        }
    }

    private func resume(_ folder: JobFolder) async throws {
        guard let job = try folder.jobFile.load() else { return }
        if let registered = registryState.version(job.version, of: job.modelName) {
            // Published before the trainer stopped; only the folder's removal was missed, or
            // the stop came between the release's events.
            if registered.lifecycle == .registered {
                logger.warning("an interrupted release left its version registered but not judged", metadata: ["job": "\(job.folderName)"])
                try await publish([
                    event(
                        .alert, "training.unjudged", severity: .warning,
                        message:
                            "\(job.folderName) stayed registered: the trainer stopped during its release; the next trigger trains a new version",
                        labels: ["model": job.modelName, "version": job.version, "region": job.region])
                ])
            } else {
                logger.info("an interrupted training was already released", metadata: ["job": "\(job.folderName)"])
            }
            try folder.remove()
            return
        }
        logger.info("resuming an interrupted training", metadata: ["job": "\(job.folderName)"])
        try await run(job, in: folder)
    }

    /// Trains, judges, stores and registers one planned job, then removes its folder. A job the
    /// engine fails on is dropped too: resuming it would fail again.
    private func run(_ job: TrainingJob, in folder: JobFolder) async throws {
        do {
            try await trainAndRegister(job, in: folder)
        } catch let error as TrainerError where error.code == .trainingFailed {
            try? folder.remove()
            throw error
        }
    }

    private func trainAndRegister(_ job: TrainingJob, in folder: JobFolder) async throws {
        let started = ContinuousClock.now
        let labels = ["model": job.modelName, "version": job.version, "region": job.region]
        try await publish([
            event(
                .metric, "training.started",
                values: ["trainingRows": Double(job.training.count), "validationRows": Double(job.validation.count)],
                message: "\(job.folderName): \(job.trigger.kind.rawValue) — \(job.trigger.detail)", labels: labels)
        ])
        let (epochs, sink) = AsyncStream.makeStream(of: MonitoringEvent.self)
        let service = configuration.serviceName
        async let published: Void = publishAll(epochs)
        let candidate: TrainedCandidate
        let stop = StopRequest()
        do {
            candidate = try await withGracefulShutdownHandler {
                try await executor.run { [runner] in
                    try runner.run(
                        job, folder: folder,
                        onEpoch: { epoch in
                            var values = ["round": Double(epoch.round), "train.\(epoch.metricName)": epoch.trainMetric]
                            if let valid = epoch.validMetric { values["valid.\(epoch.metricName)"] = valid }
                            sink.yield(
                                MonitoringEvent(
                                    service: service, kind: .trainingEpoch, name: "training.epoch", values: values, labels: labels,
                                    at: Date()))
                        },
                        shouldStop: { stop.isRequested })
                }
            } onGracefulShutdown: {
                stop.request()
            }
            sink.finish()
            try await published
        } catch let error as TrainerError where error.code == .interrupted {
            sink.finish()
            try? await published
            logger.info("training stopped for shutdown; the next start resumes it", metadata: ["job": "\(job.folderName)"])
            throw CancellationError()
        } catch {
            sink.finish()
            try? await published
            throw error
        }
        let champion = try championModel(of: job.modelName)
        let evaluation = try await executor.run { [configuration] in
            try CandidateEvaluation.evaluate(
                candidate, job: job, champion: champion, gate: configuration.gate, algorithm: Self.algorithm, at: Date())
        }
        let (artifact, card) = try await executor.run { [artifacts] in
            (try artifacts.put(candidate.file), try artifacts.put(evaluation.card))
        }
        let events = try ModelRelease.events(
            job: job, evaluation: evaluation, algorithm: Self.algorithm, artifact: artifact, card: card, state: registryState,
            policy: configuration.promotion, actor: service, at: clock.now)
        let reports = try await publish(events)
        try folder.remove()
        try await publish([validationEvent(job, evaluation: evaluation, labels: labels)] + events.compactMap { deployment($0) })
        if let last = reports.last(where: { $0.topic == Topic.modelsRegistry.name }) {
            try await registry.waitUntilRead([last.partition: last.offset + 1])
        }
        metrics.training(region: job.region, outcome: evaluation.verdict.accepted ? .accepted : .rejected)
        metrics.trainingDuration(region: job.region, ContinuousClock.now - started)
        logger.info("training finished", metadata: ["job": "\(job.folderName)", "accepted": "\(evaluation.verdict.accepted)"])
    }

    /// The registry as the latest value per key read so far.
    private var registryState: RegistryState { RegistryState(latestPerKey: registry.values) }

    /// The next version of `model`: past every registered version and every planned job.
    private func nextVersion(of model: String) -> String {
        let registered = Int(registryState.nextVersion(for: model)) ?? 1
        let planned = JobFolder.pending(in: jobsDirectory).compactMap { folder -> Int? in
            let name = folder.url.lastPathComponent
            guard name.hasPrefix("\(model)@") else { return nil }
            return Int(name.dropFirst(model.count + 1)).map { $0 + 1 }
        }
        return String(([registered] + planned).max() ?? registered)
    }

    /// The champion of `model` with its model file (verified against its hash) and the last sale
    /// date it learned from (from its card), when it has one.
    private func championModel(of model: String) throws -> ChampionModel? {
        guard let champion = registryState.champion(of: model), let artifact = champion.artifact else { return nil }
        do {
            _ = try artifacts.data(for: artifact)
            let loaded = try ModelFile.readModel(from: try artifacts.fileURL(for: artifact.uri).path)
            // Its fitted features must be usable by this build (a feature schema bump retires them).
            _ = try FittedFeatureParameters(from: loaded)
            let card = try champion.cardURI.map { uri throws(RegistryError) in try artifacts.card(at: uri) }
            return ChampionModel(
                version: champion.version, model: loaded, trainedOn: card?.trainingHomeIds.map(Set.init),
                trainedThrough: card?.dataWindow.trainingLastLabelDate)
        } catch {
            logger.warning(
                "the champion cannot be loaded; the candidate is judged without it",
                metadata: ["model": "\(model)", "version": "\(champion.version)", "error": "\(error)"])
            return nil
        }
    }

    // MARK: Publishing

    @discardableResult
    private func publish(_ messages: [any SchemaMessage]) async throws -> [KafkaDeliveryReport] {
        var batch: [KafkaProducerMessage] = []
        for message in messages { batch.append(try KafkaProducerMessage(message)) }
        return try await producer.send(batch)
    }

    private func publishAll(_ events: AsyncStream<MonitoringEvent>) async throws {
        for await event in events { try await publish([event]) }
    }

    private func event(
        _ kind: MonitoringEventKind, _ name: String, values: [String: Double] = [:], severity: Severity = .info, message: String,
        labels: [String: String]
    ) -> MonitoringEvent {
        MonitoringEvent(
            service: configuration.serviceName, kind: kind, name: name, values: values, labels: labels, severity: severity,
            message: message, at: clock.now)
    }

    private func validationEvent(_ job: TrainingJob, evaluation: CandidateEvaluation, labels: [String: String]) -> MonitoringEvent {
        var values = evaluation.verdict.candidate.overall.byName
        values["accepted"] = evaluation.verdict.accepted ? 1 : 0
        return event(
            .validation, evaluation.verdict.accepted ? "training.validated" : "training.rejected", values: values,
            severity: evaluation.verdict.accepted ? .info : .warning,
            message: "\(job.folderName): \(evaluation.verdict.reasons.joined(separator: "; "))", labels: labels)
    }

    private func deployment(_ registryEvent: ModelEvent) -> MonitoringEvent? {
        guard let alias = registryEvent.alias else { return nil }
        return event(
            .deployment, "model.promoted",
            message: "\(registryEvent.modelName)#\(alias) -> \(registryEvent.version)",
            labels: ["model": registryEvent.modelName, "version": registryEvent.version, "alias": alias])
    }

    /// Saves the state file. Saves run one at a time, each writing the state as it is when it
    /// starts, so an older copy never overwrites a newer one.
    func save() throws(TrainerError) {
        try saving.withLock { _ throws(TrainerError) in
            let current = state.withLock { $0 }
            metrics.store(current.store)
            try stateFile.save(current)
        }
    }
}
