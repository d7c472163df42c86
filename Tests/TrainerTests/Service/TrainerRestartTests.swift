import Foundation
import Kafka
import ModelRegistry
import Pipeline
import Schema
import ServiceSupport
import TestSupport
import Testing
import TrainerCore

@Suite("Trainer process killed mid-training", .timeLimit(.minutes(15)))
struct TrainerRestartTests {
    @Test("a trainer killed with SIGKILL after a checkpoint resumes the job and registers the model file an uninterrupted run writes")
    func killedTrainingResumesByteIdentical() async throws {
        let fixture = try await TrainerFixture()
        defer { fixture.remove() }
        let rows = fixture.rows(try RealHomes.ames(limit: 1_500))
        try await TestProject.withBroker { broker in
            let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: broker.bootstrapServers))
            try await TopicProvisioner.createAll(using: admin)
            try await KafkaTestClients.publish(rows, to: broker.bootstrapServers)

            let environment = [
                "HOMEPRICE_ROOT": TestProject.layout.root.path,
                "KAFKA_BOOTSTRAP_SERVERS": broker.bootstrapServers,
                "TRAINER_STATE_DIRECTORY": fixture.configuration.stateDirectory.path,
                "TRAINER_ARTIFACTS_DIRECTORY": fixture.configuration.artifactsDirectory.path,
                "TRAINER_GROUP_ID": TestProject.uniqueTopic("trainer"),
                "TRAINER_VOLUME_SETTLE_SECONDS": "0.5",
                "TRAINER_CHECK_INTERVAL_SECONDS": "0.1",
                "TRAINER_PROMOTION": "champion",
                "LOG_LEVEL": "info",
            ]
            let jobs = fixture.configuration.stateDirectory.appendingPathComponent("jobs")
            let folder = JobFolder(url: jobs.appendingPathComponent("homeprice-us@1"))

            // Killed as soon as the first epoch's checkpoint exists.
            let first = try HomepriceProcess([], environment: environment, executable: ExecutableRun.product("homeprice-trainer"))
            defer { first.kill() }
            try await first.kill(whenExists: folder.checkpoint, timeout: .seconds(120))
            _ = try await first.waitForExit(timeout: .seconds(180))
            let job = try #require(try folder.jobFile.load(), "the job was still in progress when killed")

            // The same job run uninterrupted in this process.
            let whole = JobFolder(url: fixture.folder.appendingPathComponent("uninterrupted"))
            try whole.save(job)
            let uninterrupted = try JobRunner(
                model: fixture.configuration.model, features: fixture.configuration.features, imputation: fixture.configuration.imputation
            )
            .run(job, folder: whole)

            let restarted = try HomepriceProcess([], environment: environment, executable: ExecutableRun.product("homeprice-trainer"))
            defer { restarted.kill() }
            let events = try await waitForMessages(ModelEvent.self, on: broker.bootstrapServers, until: "homeprice-us@1 judged") {
                $0.contains { $0.key == "homeprice-us@1" && $0.kind != .registered }
            }
            restarted.terminate()
            #expect(try await restarted.waitForExit(timeout: .seconds(180)) == 0, "\(restarted.errorOutput)")
            #expect(restarted.errorOutput.contains("resuming an interrupted training"))

            let registered = try #require(events.last { $0.key == "homeprice-us@1" })
            #expect(registered.kind == .validated)
            #expect(!events.contains { $0.key == "homeprice-us@2" }, "the killed job was resumed, not planned again")
            let store = try ArtifactStore(directory: fixture.configuration.artifactsDirectory)
            let state = RegistryState(latestPerKey: Dictionary(events.map { ($0.key, $0) }) { $1 })
            let artifact = try store.data(for: try #require(state.version("1", of: "homeprice-us")?.artifact))
            #expect(artifact == uninterrupted.file, "the resumed model file is byte for byte the uninterrupted one")
            #expect(!FileManager.default.fileExists(atPath: folder.url.path), "a registered job's folder is removed")
        }
    }
}
