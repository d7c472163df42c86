import Features
import Foundation
import ML
import ModelRegistry
import Schema
import Synchronization
import TestSupport
import Testing
import TrainerCore

@Suite("Training a job")
struct JobRunnerTests {
    @Test("the newest sales validate, and a run resumed from a mid-run checkpoint writes the same model file")
    func resumedRunsWriteTheSameBytes() async throws {
        let fixture = try await TrainerFixture()
        defer { fixture.remove() }
        let job = try fixture.job(fixture.rows(try RealHomes.ames(limit: 900)), region: "US")
        #expect(job.training.count + job.validation.count == 900)
        let newestTraining = try #require(job.training.compactMap(\.labelDate).max())
        #expect(job.validation.allSatisfy { ($0.labelDate ?? .distantPast) >= newestTraining }, "a time-aware split")

        let runner = JobRunner(
            model: fixture.configuration.model, features: fixture.configuration.features, imputation: fixture.configuration.imputation)
        let whole = JobFolder(url: fixture.folder.appendingPathComponent("whole"))
        try whole.save(job)
        let savedEarly = fixture.folder.appendingPathComponent("epoch-2.hpm")
        let uninterrupted = try runner.run(job, folder: whole) { epoch in
            if epoch.round == 20 { try? FileManager.default.copyItem(at: whole.checkpoint, to: savedEarly) }
        }
        let resumed = JobFolder(url: fixture.folder.appendingPathComponent("resumed"))
        try resumed.save(job)
        try FileManager.default.copyItem(at: savedEarly, to: resumed.checkpoint)
        let rounds = RoundsSeen()
        let continued = try runner.run(job, folder: resumed) { rounds.add($0.round) }
        #expect(rounds.values.first == 30, "the resumed run starts after the checkpoint's 20 rounds")
        #expect(continued.file == uninterrupted.file)
        #expect(!continued.file.isEmpty)
    }

    @Test("with imputation, the model file carries the fitted neighbours and the training inputs are filled with them")
    func imputationTravelsInTheModel() async throws {
        let fixture = try await TrainerFixture()
        defer { fixture.remove() }
        var rows = fixture.rows(try RealHomes.ames(limit: 600))
        // Every third home's source carries no garage, as for a county register.
        for index in rows.indices where index % 3 == 0 { rows[index].features[FeatureName.garageSpaces] = nil }
        let job = try fixture.job(rows, region: "US")
        let imputation = ImputationSettings(
            targets: [FeatureName.garageSpaces], distanceFeatures: [FeatureName.livingArea, FeatureName.builtYear],
            groupFeature: FeatureName.city, neighbours: 5, minGroupSize: 10, missingDistance: 10, maxDonors: 5_000)
        let runner = JobRunner(model: fixture.configuration.model, features: fixture.configuration.features, imputation: imputation)
        let candidate = try runner.run(job, folder: JobFolder(url: fixture.folder.appendingPathComponent("imputing")))
        let fitted = try #require(candidate.parameters.imputation)
        #expect(fitted.settings == imputation)
        #expect(fitted.donors.count == job.training.filter { $0.features[FeatureName.garageSpaces] != nil }.count)
        #expect(try FittedFeatureParameters(from: candidate.model) == candidate.parameters, "the server reads the same parameters")
        let garage = try #require(candidate.parameters.featureNames.firstIndex(of: FeatureName.garageSpaces))
        #expect(job.training.contains { $0.features[FeatureName.garageSpaces] == nil })
        #expect(candidate.trainingData.column(garage).allSatisfy { !$0.isNaN }, "every missing garage was imputed")
    }

    @Test("a stop asked for mid-training ends it at the epoch's checkpoint, and the next run finishes the same model")
    func stopAtEpochEndResumes() async throws {
        let fixture = try await TrainerFixture()
        defer { fixture.remove() }
        let job = try fixture.job(fixture.rows(try RealHomes.ames(limit: 600)), region: "US")
        let runner = JobRunner(
            model: fixture.configuration.model, features: fixture.configuration.features, imputation: fixture.configuration.imputation)
        let reference = try runner.run(job, folder: JobFolder(url: fixture.folder.appendingPathComponent("reference")))

        let folder = JobFolder(url: fixture.folder.appendingPathComponent("stopped"))
        try folder.save(job)
        let rounds = RoundsSeen()
        let first = #expect(throws: TrainerError.self) {
            try runner.run(job, folder: folder, onEpoch: { rounds.add($0.round) }, shouldStop: { rounds.values.last == 20 })
        }
        #expect(first?.code == .interrupted, "a stop is no failure")
        let second = #expect(throws: TrainerError.self) { try runner.run(job, folder: folder, shouldStop: { true }) }
        #expect(second?.code == .interrupted)
        #expect(rounds.values.last == 20, "no epoch after the stop")
        #expect(FileManager.default.fileExists(atPath: folder.checkpoint.path), "the checkpoint stays for the next start")
        let resumed = try runner.run(job, folder: folder)
        #expect(resumed.file == reference.file)
    }

    @Test("the gate accepts a better candidate as champion and rejects a worse one with its reasons")
    func gateAcceptsBetterAndRejectsWorse() async throws {
        var fixture = try await TrainerFixture()
        defer { fixture.remove() }
        let job = try fixture.job(fixture.rows(try RealHomes.ames(limit: 900)), region: "US")
        let good = try JobRunner(
            model: fixture.configuration.model, features: fixture.configuration.features, imputation: fixture.configuration.imputation
        )
        .run(job, folder: JobFolder(url: fixture.folder.appendingPathComponent("good")))
        var weak = fixture.configuration.model
        weak.gbm.rounds = 3
        weak.gbm.epochRounds = 3
        let worse = try JobRunner(model: weak, features: fixture.configuration.features, imputation: fixture.configuration.imputation)
            .run(job, folder: JobFolder(url: fixture.folder.appendingPathComponent("worse")))
        fixture.configuration.promotion = .challenger

        let first = try CandidateEvaluation.evaluate(
            good, job: job, champion: nil, gate: fixture.configuration.gate, algorithm: "gbt", at: Date())
        #expect(first.verdict.accepted, "\(first.verdict.reasons)")
        #expect(first.card.metrics.overall.mape < 0.2, "a real model of Ames prices")
        let store = try ArtifactStore(directory: fixture.configuration.artifactsDirectory)
        var registry = RegistryState()
        for event in try ModelRelease.events(
            job: job, evaluation: first, algorithm: "gbt", artifact: try store.put(good.file), card: try store.put(first.card),
            state: registry, policy: fixture.configuration.promotion, actor: "test", at: Date())
        {
            registry.apply(event)
        }
        #expect(registry.champion(of: job.modelName)?.version == "1", "the first validated version becomes champion")

        var second = job
        second.version = "2"
        let judged = try CandidateEvaluation.evaluate(
            worse, job: second,
            champion: ChampionModel(
                version: "1", model: good.model, trainedOn: Set(job.training.map(\.homeId)),
                trainedThrough: job.dataWindow.trainingLastLabelDate), gate: fixture.configuration.gate, algorithm: "gbt", at: Date())
        #expect(!judged.verdict.accepted)
        #expect(judged.verdict.reasons.contains { $0.contains("mape") || $0.contains("medianAPE") })
        #expect(judged.card.championComparison.championVersion == "1")
        let events = try ModelRelease.events(
            job: second, evaluation: judged, algorithm: "gbt", artifact: try store.put(worse.file), card: try store.put(judged.card),
            state: registry, policy: fixture.configuration.promotion, actor: "test", at: Date())
        #expect(events.map(\.kind) == [.registered, .rejected])
        for event in events { registry.apply(event) }
        #expect(registry.champion(of: job.modelName)?.version == "1", "the champion stays")
        #expect(registry.nextVersion(for: job.modelName) == "3")
    }

    @Test("a champion is compared only on validation homes it never saw (by id, else by sale date), or on all of them when too few")
    func fairComparison() async throws {
        let fixture = try await TrainerFixture()
        defer { fixture.remove() }
        let job = try fixture.job(fixture.rows(try RealHomes.ames(limit: 900)), region: "US")
        let runner = JobRunner(
            model: fixture.configuration.model, features: fixture.configuration.features, imputation: fixture.configuration.imputation)
        let candidate = try runner.run(job, folder: JobFolder(url: fixture.folder.appendingPathComponent("candidate")))
        // A champion that learned from the older half of this job's validation homes too, as
        // when sales arrive out of date order between two trainings.
        let dates = job.validation.compactMap(\.labelDate).sorted()
        // Sale dates are months, so many homes share one: cut at the latest date that leaves
        // enough later homes to compare on.
        let needed = fixture.configuration.gate.minSegmentRows + 10
        let cut = try #require(Set(dates).sorted().last { date in dates.filter { $0 > date }.count >= needed })
        var leaky = job
        leaky.training = job.training + job.validation.filter { ($0.labelDate ?? .distantFuture) <= cut }
        let champion = try runner.run(leaky, folder: JobFolder(url: fixture.folder.appendingPathComponent("champion")))
        let unseen = job.validation.filter { ($0.labelDate ?? .distantPast) > cut }.count
        #expect(unseen >= fixture.configuration.gate.minSegmentRows && unseen < job.validation.count)

        let judged = try CandidateEvaluation.evaluate(
            candidate, job: job, champion: ChampionModel(version: "1", model: champion.model, trainedOn: nil, trainedThrough: cut),
            gate: fixture.configuration.gate, algorithm: "gbt", at: Date())
        let overall = try #require(judged.verdict.comparison.comparisons.first { $0.segment == .overall })
        #expect(overall.rows == unseen, "compared on the homes the champion never saw")
        #expect(judged.verdict.champion?.overall.count == unseen)
        #expect(judged.card.metrics.overall.count == job.validation.count, "the candidate's own metrics cover every validation home")
        #expect(judged.verdict.reasons.contains { $0.contains("\(unseen) of \(job.validation.count) validation homes") })
        #expect(judged.card.trainingHomeIds == job.training.map(\.homeId).sorted(), "the card lists the homes learned from")

        // By id: the homes of its training rows, whatever their dates.
        let byId = try CandidateEvaluation.evaluate(
            candidate, job: job,
            champion: ChampionModel(
                version: "1", model: champion.model, trainedOn: Set(leaky.training.map(\.homeId)), trainedThrough: dates.last),
            gate: fixture.configuration.gate, algorithm: "gbt", at: Date())
        #expect(byId.verdict.comparison.comparisons.first { $0.segment == .overall }?.rows == unseen)

        let allSeen = try CandidateEvaluation.evaluate(
            candidate, job: job, champion: ChampionModel(version: "1", model: champion.model, trainedOn: nil, trainedThrough: dates.last),
            gate: fixture.configuration.gate, algorithm: "gbt", at: Date())
        #expect(allSeen.verdict.comparison.comparisons.first { $0.segment == .overall }?.rows == job.validation.count)
        #expect(allSeen.verdict.reasons.contains { $0.contains("compared on all \(job.validation.count) validation homes") })
    }

    @Test("a job folder that cannot be written is a state failure, not an engine failure, so the job is kept")
    func unwritableFolderIsAStateFailure() async throws {
        let fixture = try await TrainerFixture()
        defer { fixture.remove() }
        let job = try fixture.job(fixture.rows(try RealHomes.ames(limit: 300)), region: "US")
        // A regular file where the jobs folder should be.
        let blocker = fixture.folder.appendingPathComponent("jobs")
        try FileManager.default.createDirectory(at: fixture.folder, withIntermediateDirectories: true)
        try Data("not a folder".utf8).write(to: blocker)
        let runner = JobRunner(
            model: fixture.configuration.model, features: fixture.configuration.features, imputation: fixture.configuration.imputation)
        do {
            _ = try runner.run(job, folder: JobFolder(url: blocker.appendingPathComponent(job.folderName)))
            Issue.record("a job ran in a folder that cannot exist")
        } catch {
            #expect(error.code == .stateFailed, "\(error)")
            #expect(error.input == job.folderName)
        }
    }

    @Test("too few labelled homes is a clear refusal naming the region")
    func tooLittleData() async throws {
        let fixture = try await TrainerFixture()
        defer { fixture.remove() }
        #expect(throws: TrainerError.self) { try fixture.job(fixture.rows(try RealHomes.windsor(limit: 20)), region: "CA") }
    }
}

/// Epoch rounds seen by a run's callback.
final class RoundsSeen: Sendable {
    private let storage = Mutex<[Int]>([])
    func add(_ round: Int) { storage.withLock { $0.append(round) } }
    var values: [Int] { storage.withLock { $0 } }
}
