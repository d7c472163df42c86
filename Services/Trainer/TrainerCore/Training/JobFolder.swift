import Foundation

/// The folder of one ``TrainingJob`` under the trainer's state: the job itself and the
/// checkpoint of its latest finished epoch. The folder exists from planning until the run is
/// registered; a trainer that starts and finds one resumes it.
public struct JobFolder: Sendable {
    /// The folder.
    public let url: URL

    /// The folder of `job` under `jobs`.
    public init(jobs: URL, job: TrainingJob) {
        url = jobs.appendingPathComponent(job.folderName, isDirectory: true)
    }

    /// A job folder found on disk.
    public init(url: URL) {
        self.url = url
    }

    /// The saved job.
    public var jobFile: StateFile<TrainingJob> { StateFile(url: url.appendingPathComponent("job.json")) }

    /// The latest checkpoint (a model file of kind `checkpoint`).
    public var checkpoint: URL { url.appendingPathComponent("checkpoint.hpm") }

    /// Saves `job` (creating the folder).
    public func save(_ job: TrainingJob) throws(TrainerError) {
        try jobFile.save(job)
    }

    /// Removes the folder once its run is registered.
    public func remove() throws(TrainerError) {
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            throw TrainerError(.stateFailed, reason: "cannot remove a finished job: \(error)", input: url.path)
        }
    }

    /// The job folders under `jobs`, oldest name first.
    public static func pending(in jobs: URL) -> [JobFolder] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: jobs.path)) ?? []
        return names.sorted().map { JobFolder(url: jobs.appendingPathComponent($0, isDirectory: true)) }
            .filter { FileManager.default.fileExists(atPath: $0.jobFile.url.path) }
    }
}
