import Foundation
import Kafka
import Scenario
import Schema
import ServiceSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The main job's scenario on a running cluster, narrated: champions from the sources, the
/// client stream and its live accuracy, the market shift with its alerts and retraining, the
/// A/B experiment and its verdict; it returns what the report needs.
struct DemoRun {
    let environment: CLIEnvironment
    let settings: DemoSettings
    let view: DemoView
    let watcher: DemoWatcher
    let client: DemoClient

    /// Runs every phase in order.
    func run() async throws -> DemoOutcome {
        var outcome = DemoOutcome(regions: settings.regions)
        try await waitForChampions()
        outcome.marks["before"] = Date()
        var heldOut = try HeldOutHomes(seed: settings.seed, scenarioHomes: settings.homes, seedData: settings.seedData)
        try await waitForServer()

        view.narrate("== 3. client stream: held-out homes priced over HTTP and Kafka ==")
        let asks = DemoAsks(settings: settings.client)
        var before: [DemoAnswer] = []
        for region in settings.regions {
            guard let market = ScenarioRegion(rawValue: region) else { throw DemoFailure(reason: "demo.regions: unknown region \(region)") }
            let answers = try await client.ask(
                asks.asks(for: try heldOut.take(settings.client.requestsPerRegion, of: market), phase: "before"))
            before += answers
            let routes = Dictionary(answers.map { ($0.ask.route.rawValue, 1) }, uniquingKeysWith: +)
            view.narrate(
                "\(region): \(answers.count) predictions answered ("
                    + routes.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + ")")
        }
        view.narrate("== 4. feedback: the true sale prices; the monitor's live accuracy ==")
        try await client.tellSalePrices(before)
        outcome.before = try await measureAccuracy(of: before, since: outcome.marks["before"] ?? .distantPast, arm: .defaultRoute)

        view.narrate("== 5. market shift: \(settings.shift.region) prices ×\(settings.shift.priceFactor), a new agency in square feet ==")
        guard let shiftRegion = ScenarioRegion(rawValue: settings.shift.region) else {
            throw DemoFailure(reason: "demo.shift.region: unknown region \(settings.shift.region)")
        }
        let shiftStart = Date()
        let eventsBefore = watcher.observations.events.count
        let commandsBefore = watcher.observations.commands.count
        let resales = heldOut.published.filter { $0.region == shiftRegion }
        let newBuilds = try heldOut.take(settings.shift.newBuilds, of: shiftRegion) {
            ($0.builtYear ?? 0) >= settings.shift.newBuildsFromYear
        }
        try await deployShiftAgency(resales: resales, newBuilds: newBuilds)
        let shifted = try await client.ask(
            asks.asks(
                for: try heldOut.take(settings.shift.requests, of: shiftRegion), phase: "shift", priceFactor: settings.shift.priceFactor))
        try await client.tellSalePrices(shifted)
        view.narrate(
            "\(shifted.count) \(settings.shift.region) predictions answered; their sale prices are \(settings.shift.priceFactor)× the old market's"
        )
        let challenger = try await waitForChallenger(
            since: shiftStart, eventsBefore: eventsBefore, commandsBefore: commandsBefore)

        view.narrate("== 6. A/B experiment: champion against challenger v\(challenger), sticky clients ==")
        let previousChampion = watcher.observations.champion(of: settings.shift.region, prefix: settings.modelNamePrefix)
        outcome.experiments.append(try await runExperiment(region: shiftRegion, challenger: challenger, name: "shift", heldOut: &heldOut))
        if let previousChampion, outcome.experiments.last?.verdict == "challengerBetter" {
            view.narrate(
                "== 6b. rollback, shown on purpose: the old champion v\(previousChampion) as the challenger of the new market ==")
            try await admin(
                "promote",
                body:
                    "{\"region\":\"\(settings.shift.region)\",\"version\":\"\(previousChampion)\",\"alias\":\"challenger\",\"reason\":\"demo: is the pre-shift model still as good?\"}"
            )
            outcome.experiments.append(
                try await runExperiment(region: shiftRegion, challenger: previousChampion, name: "recheck", heldOut: &heldOut))
        }
        try await setTraffic(
            experiment:
                "{\"id\":\"\(settings.shift.region.lowercased())-default\",\"kind\":\"none\",\"control\":\"champion\",\"candidatePercent\":0}"
        )
        outcome.marks["after"] = Date()
        let after = try await client.ask(
            asks.asks(
                for: try heldOut.take(settings.shift.requests, of: shiftRegion), phase: "after", priceFactor: settings.shift.priceFactor))
        try await client.tellSalePrices(after)
        outcome.after = try await measureAccuracy(of: after, since: outcome.marks["after"] ?? .distantPast, arm: .defaultRoute)
        outcome.failedRequests = client.failedRequests
        outcome.retriedAttempts = client.retriedAttempts.count
        outcome.republishedRequests = client.republishedRequests.count
        outcome.askedPredictions = client.asked
        outcome.answeredPredictions = client.answeredCount
        return outcome
    }

    private func modelName(_ region: String) -> String { settings.modelNamePrefix + region.lowercased() }

    /// Waits until every region has a champion, narrating each.
    private func waitForChampions() async throws {
        view.narrate("== 1. sources, crawler and normalizer: the multi-source scenario (US, CA, DE) ==")
        view.narrate("== 2. the trainer trains one model per region; the gate validates; champions ==")
        var announced: Set<String> = []
        let deadline = ContinuousClock.now.advanced(by: settings.timeouts.champions)
        while announced.count < settings.regions.count {
            let observations = watcher.observations
            for region in settings.regions where !announced.contains(region) {
                guard let version = observations.champion(of: region, prefix: settings.modelNamePrefix) else { continue }
                announced.insert(region)
                let metrics = observations.registry.version(version, of: modelName(region))?.metrics ?? [:]
                view.narrate(
                    "\(region): champion \(modelName(region)) v\(version), validation MAPE \(Self.percent(metrics["mape"]))")
            }
            guard ContinuousClock.now < deadline else {
                throw DemoFailure(
                    reason:
                        "no champion for \(Set(settings.regions).subtracting(announced).sorted().joined(separator: ", ")) within \(settings.timeouts.champions); see .homeprice/logs/trainer.log"
                )
            }
            try await Task.sleep(for: .seconds(1))
        }
    }

    /// Waits until the model server answers `/health` with 200.
    private func waitForServer() async throws {
        let deadline = ContinuousClock.now.advanced(by: settings.timeouts.answers)
        while ContinuousClock.now < deadline {
            if let (status, _) = try? await BenchHTTP.send("GET", settings.serverURL + "/health"), status == 200 { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw DemoFailure(reason: "the model server at \(settings.serverURL) did not become healthy; see .homeprice/logs/server.log")
    }

    /// The MAPE of `answers` per region, measured by the client from its own predictions and
    /// sale prices, and the monitor's live accuracy of the region's champion (arm `arm`) from a
    /// check after `start`, narrated side by side. The monitor's figure is over its window of
    /// the last joins, which can reach back before `start`; the client's is over these answers.
    private func measureAccuracy(of answers: [DemoAnswer], since start: Date, arm: ExperimentArm) async throws -> [String: Double] {
        let predictions = watcher.observations.predictions
        var errors: [String: [Double]] = [:]
        for answer in answers {
            guard let prediction = predictions[answer.predictionId], prediction.currency == answer.ask.home.currency,
                answer.ask.truePrice > 0
            else { continue }
            errors[answer.ask.home.region.rawValue, default: []].append(abs(prediction.value - answer.ask.truePrice) / answer.ask.truePrice)
        }
        var result: [String: Double] = [:]
        for (region, values) in errors.sorted(by: { $0.key < $1.key }) {
            guard let champion = watcher.observations.champion(of: region, prefix: settings.modelNamePrefix) else {
                throw DemoFailure(reason: "\(region) has no champion")
            }
            let mape = values.reduce(0, +) / Double(values.count)
            result[region] = mape
            let event = try await watcher.wait("the monitor's live accuracy of \(region)", timeout: settings.timeouts.accuracy) {
                observations in observations.latestAccuracy(region: region, arm: arm, version: champion, since: start)
            }
            view.narrate(
                "\(region): MAPE \(Self.percent(mape)) over these \(values.count) sales (model v\(champion)); the monitor's live MAPE \(Self.percent(event.values["mape"])) over its last \(Int(event.values["count"] ?? 0)) joins"
            )
        }
        return result
    }

    /// Writes the new agency's sales at the shifted prices — the region's homes sold again and
    /// the new builds, interleaved — and deploys its producer until they are on `homes.raw`.
    private func deployShiftAgency(resales: [ScenarioHome], newBuilds: [ScenarioHome]) async throws {
        let folder = environment.stateDirectory.appendingPathComponent("scenario/market-shift")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Sold today: on its own day a dated sale counts after the undated register sales the
        // sources delivered today, so the resale becomes each home's last sale, its label.
        let today = Date()
        let every = max(1, resales.count / max(newBuilds.count, 1))
        var homes: [ScenarioHome] = []
        var builds = newBuilds.makeIterator()
        for (offset, home) in resales.enumerated() {
            homes.append(home)
            if offset % every == every - 1, let build = builds.next() { homes.append(build) }
        }
        while let build = builds.next() { homes.append(build) }
        var lines = ""
        for home in homes {
            var sold = home
            sold.price = (home.price * settings.shift.priceFactor).rounded()
            lines += SquareFeetAgencyRenderer.render(sold, soldOn: today).text + "\n"
        }
        try Data(lines.utf8).write(to: folder.appendingPathComponent("\(SquareFeetAgencyRenderer.sourceId).jsonl"))
        let admin = try environment.admin()
        let rawBefore = try await DemoCommand.topicMessages(admin)[Topic.homesRaw.name] ?? 0
        guard let executable = ServiceCommandResolver.resolve("homeprice-source", layout: environment.layout) else {
            throw DemoFailure(reason: "homeprice-source is not built next to homeprice")
        }
        let producer = Process()
        producer.executableURL = executable
        producer.arguments = ["--source", SquareFeetAgencyRenderer.sourceId]
        // On the cluster's broker, wherever it listens, as the supervisor runs the other sources.
        producer.environment = ServiceEnvironment.of(
            service: SquareFeetAgencyRenderer.sourceId, bootstrapServers: environment.kafka.client.bootstrapServers,
            layout: environment.layout)
        producer.currentDirectoryURL = environment.layout.root
        let log = try LogFile.appendingHandle(
            environment.stateDirectory.appendingPathComponent("logs/\(SquareFeetAgencyRenderer.sourceId).log"))
        producer.standardOutput = log
        producer.standardError = log
        try producer.run()
        view.narrate(
            "new source deployed: homeprice-source --source \(SquareFeetAgencyRenderer.sourceId): \(resales.count) \(settings.shift.region) homes sold again and \(newBuilds.count) new builds (from \(settings.shift.newBuildsFromYear)), areas in sq ft"
        )
        let deadline = ContinuousClock.now.advanced(by: settings.timeouts.answers)
        while (try await DemoCommand.topicMessages(admin)[Topic.homesRaw.name] ?? 0) < rawBefore + Int64(homes.count) {
            guard ContinuousClock.now < deadline, producer.isRunning || producer.terminationStatus == 0 else {
                producer.terminate()
                throw DemoFailure(
                    reason: "the new agency's records did not reach homes.raw; see .homeprice/logs/\(SquareFeetAgencyRenderer.sourceId).log"
                )
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        if producer.isRunning { producer.terminate() }
        view.narrate("\(homes.count) records of \(SquareFeetAgencyRenderer.sourceId) on homes.raw")
    }

    /// Narrates the alerts and retrain commands published since the shift (by position: their
    /// event times are the data's, a sale dated today is older than the shift; a restarted
    /// monitor's replay is told again) and waits for the challenger the retraining produces: a
    /// version registered after `shift` that the `challenger` alias points at.
    private func waitForChallenger(since shift: Date, eventsBefore: Int, commandsBefore: Int) async throws -> String {
        let region = settings.shift.region
        let model = modelName(region)
        var told = eventsBefore
        var toldCommands = commandsBefore
        let deadline = ContinuousClock.now.advanced(by: settings.timeouts.challenger)
        while true {
            let observations = watcher.observations
            let alerts = observations.events.dropFirst(told).filter { $0.kind == .alert && $0.labels["region"] == region }
            let drifted = alerts.filter { $0.name == "drift.alert" }.compactMap { $0.labels["feature"] }
            if !drifted.isEmpty {
                view.narrate("monitor: drift.alert in \(region), sustained on \(drifted.count) inputs: \(drifted.joined(separator: ", "))")
            }
            for event in alerts where event.name != "drift.alert" {
                view.narrate("monitor: \(event.name) \(event.message ?? "")")
            }
            told = observations.events.count
            for command in observations.commands.dropFirst(toldCommands)
            where command.action == .retrain && command.arguments["region"] == region {
                view.narrate("control: retrain \(region) by \(command.issuedBy): \(command.reason ?? "")")
            }
            toldCommands = observations.commands.count
            if let version = observations.version(for: "challenger", of: region, prefix: settings.modelNamePrefix),
                observations.registryEvents.contains(where: {
                    $0.modelName == model && $0.version == version && $0.kind == .registered && $0.at >= shift
                })
            {
                let metrics = observations.registry.version(version, of: model)?.metrics ?? [:]
                view.narrate(
                    "trainer: \(model) v\(version) validated by the gate, now the challenger (validation MAPE \(Self.percent(metrics["mape"])))"
                )
                return version
            }
            guard ContinuousClock.now < deadline else {
                throw DemoFailure(
                    reason: "no new challenger of \(model) within \(settings.timeouts.challenger); see .homeprice/logs/trainer.log")
            }
            try await Task.sleep(for: .seconds(1))
        }
    }

    /// Runs an A/B experiment of the champion against `challenger` (the `challenger` alias):
    /// sets the plan, sends rounds of requests with their sale prices until the monitor's
    /// verdict is significant and the alias it moves has moved, and narrates it.
    private func runExperiment(
        region: ScenarioRegion, challenger: String, name: String, heldOut: inout HeldOutHomes
    ) async throws -> DemoExperiment {
        let start = Date()
        let registryMark = watcher.observations.registryEvents.count
        let experimentId = "\(region.rawValue.lowercased())-\(name)-\(Int(Date().timeIntervalSince1970))"
        let plan =
            "{\"id\":\"\(experimentId)\",\"kind\":\"ab\",\"control\":\"champion\",\"candidate\":\"challenger\",\"candidatePercent\":\(settings.experimentCandidatePercent)}"
        let asks = DemoAsks(settings: settings.client)
        let deadline = ContinuousClock.now.advanced(by: settings.timeouts.verdict)
        var round = 0
        while ContinuousClock.now < deadline {
            // Set before every round: a server restarted since (chaos mode) starts champion-only.
            try await setTraffic(experiment: plan)
            let answers = try await client.ask(
                asks.asks(
                    for: try heldOut.take(settings.experimentRequests, of: region), phase: "\(name)\(round)",
                    priceFactor: settings.shift.priceFactor))
            try await client.tellSalePrices(answers)
            let predictions = watcher.observations.predictions
            let arms = Dictionary(
                answers.compactMap { predictions[$0.predictionId].map { ("arm \($0.arm.rawValue) v\($0.modelVersion)", 1) } },
                uniquingKeysWith: +)
            view.narrate(
                "\(experimentId) round \(round + 1): "
                    + arms.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            round += 1
            let settled = try? await watcher.wait("the A/B verdict", timeout: settings.timeouts.accuracy) { observations in
                observations.events(named: "ab.verdict", region: region.rawValue, since: start).last {
                    $0.labels["challenger"] == challenger
                        && ($0.labels["outcome"] == "challengerBetter" || $0.labels["outcome"] == "challengerWorse")
                }
            }
            guard let verdict = settled else { continue }
            let outcome = verdict.labels["outcome"] ?? "?"
            view.narrate(
                "monitor: A/B verdict \(outcome), Mann–Whitney p = \(String(format: "%.2g", verdict.values["pValue"] ?? .nan)), median APE champion \(Self.percent(verdict.values["championMedianAPE"])) vs challenger \(Self.percent(verdict.values["challengerMedianAPE"]))"
            )
            // The better challenger becomes the champion; the worse one's alias goes back.
            let (alias, kind) = outcome == "challengerBetter" ? ("champion", ModelEventKind.promoted) : ("challenger", .rolledBack)
            let moved = try await watcher.wait(
                "the \(kind.rawValue) event of \(modelName(region.rawValue))#\(alias)", timeout: settings.timeouts.accuracy
            ) {
                observations in
                observations.registryEvents.dropFirst(registryMark).last {
                    $0.modelName == modelName(region.rawValue) && $0.alias == alias && $0.kind == kind
                        && (kind == .promoted ? $0.version == challenger : $0.previousVersion == challenger)
                }
            }
            view.narrate("registry: \(moved.modelName)#\(alias) → v\(moved.version) (\(moved.kind.rawValue) by \(moved.actor))")
            return DemoExperiment(
                id: experimentId, challenger: challenger, verdict: outcome, pValue: verdict.values["pValue"],
                registryChange: "\(moved.modelName)#\(alias) → v\(moved.version) (\(moved.kind.rawValue))")
        }
        throw DemoFailure(reason: "no significant A/B verdict for \(region.rawValue) within \(settings.timeouts.verdict)")
    }

    /// Calls `POST /admin/<action>` of the model server.
    private func admin(_ action: String, body: String) async throws {
        let (status, answer) = try await BenchHTTP.send(
            "POST", settings.serverURL + "/admin/\(action)", body: Data(body.utf8),
            headers: ["Authorization": "Bearer \(settings.adminToken)"])
        guard (200..<300).contains(status) else {
            throw DemoFailure(reason: "POST /admin/\(action) answered \(status): \(String(decoding: answer.prefix(300), as: UTF8.self))")
        }
    }

    /// Sets the shift region's traffic plan on the model server.
    private func setTraffic(experiment: String) async throws {
        try await admin("traffic", body: "{\"region\":\"\(settings.shift.region)\",\"experiment\":\(experiment)}")
    }

    /// `0.123` as `12.3 %`, `?` when missing.
    static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.1f %%", $0 * 100) } ?? "?"
    }
}
