import Features
import Foundation
import ML
import Schema

/// Trains one ``TrainingJob``: fits the feature parameters on the training rows, trains the
/// engine with a checkpoint after every epoch (`epochRounds`), and resumes from the job's
/// checkpoint when one exists.
///
/// The model file records nothing that depends on the wall clock (its `trainingSeconds` is 0;
/// the card has the real time), so a run resumed after a crash writes the same bytes as an
/// uninterrupted one.
public struct JobRunner: Sendable {
    /// The engine's settings.
    public let model: ModelFitConfig
    /// The feature steps' settings.
    public let features: FeatureSettings
    /// How missing inputs are imputed (fitted on the training rows with the other
    /// parameters), or nil to leave them missing.
    public let imputation: ImputationSettings?

    /// Creates a runner.
    public init(model: ModelFitConfig, features: FeatureSettings, imputation: ImputationSettings?) {
        self.model = model
        self.features = features
        self.imputation = imputation
    }

    /// Trains `job`, checkpointing into `folder`; `onEpoch` sees every finished epoch, and
    /// `shouldStop`, asked after each epoch's checkpoint, ends the training there.
    /// - Throws: ``TrainerError/Code/stateFailed`` when the folder cannot be written (the job
    ///   stays for a later start), ``TrainerError/Code/interrupted`` when `shouldStop` said so
    ///   (the checkpoint lets a later start resume), ``TrainerError/Code/trainingFailed`` when
    ///   the engine fails on the job's data (it would fail again), each naming the job.
    public func run(
        _ job: TrainingJob, folder: JobFolder, onEpoch: @escaping @Sendable (TrainingEpoch) -> Void = { _ in },
        shouldStop: @escaping @Sendable () -> Bool = { false }
    ) throws(TrainerError) -> TrainedCandidate {
        let start = Date()
        do {
            try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
            let parameters = try FittedFeatureParameters.fit(rows: job.training, settings: features, imputation: imputation)
            let encoder = FeatureEncoder(parameters: parameters)
            let data = try encoder.dataset(rows: job.training + job.validation, includeTarget: true)
            let validationRows = Set(job.training.count..<(job.training.count + job.validation.count))
            let checkpointPath = folder.checkpoint.path
            let checkpoint =
                FileManager.default.fileExists(atPath: checkpointPath) ? try ModelFile.readCheckpoint(from: checkpointPath) : nil
            var trained = try ModelFitRunner.fit(
                data, target: "price", testRows: validationRows, config: model, resumingFrom: checkpoint
            ) { epoch throws(MLError) in
                try Self.save(epoch.checkpoint, to: folder.checkpoint)
                onEpoch(epoch)
                if shouldStop() {
                    throw MLError(.interrupted, "stopped after round \(epoch.round); the checkpoint resumes it")
                }
                return .proceed
            }
            trained.summary.trainingSeconds = 0
            try parameters.attach(to: &trained)
            let file = try Self.bytes(of: trained, in: folder)
            return TrainedCandidate(
                model: trained, file: file, parameters: parameters,
                trainingData: data.subset(rows: Array(0..<job.training.count)),
                validationData: data.subset(rows: validationRows.sorted()),
                trainingSeconds: Date().timeIntervalSince(start))
        } catch let error as MLError where error.code == .interrupted {
            throw TrainerError(.interrupted, reason: error.reason, input: job.folderName)
        } catch let error as MLError where error.code == .io {
            // The folder could not be written (disk full): the job may succeed on a later start.
            throw TrainerError(.stateFailed, reason: "\(error)", input: job.folderName)
        } catch let error as CocoaError where error.isFileError {
            throw TrainerError(.stateFailed, reason: "\(error)", input: job.folderName)
        } catch {
            throw TrainerError(.trainingFailed, reason: "\(error)", input: job.folderName)
        }
    }

    /// Writes a checkpoint atomically: a crash mid-write leaves the previous one.
    private static func save(_ checkpoint: Checkpoint, to url: URL) throws(MLError) {
        let temporary = url.appendingPathExtension("partial")
        try ModelFile.write(checkpoint, to: temporary.path)
        guard rename(temporary.path, url.path) == 0 else {
            throw MLError(.io, "cannot move the checkpoint into place (errno \(errno))", input: .init(path: url.path))
        }
    }

    /// The model file's bytes (written in the job folder, read back).
    private static func bytes(of model: PriceModel, in folder: JobFolder) throws -> Data {
        let path = folder.url.appendingPathComponent("model.hpm").path
        try ModelFile.write(model, to: path)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}
