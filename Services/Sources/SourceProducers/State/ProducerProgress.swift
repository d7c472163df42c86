import Foundation

/// What a producer has done, persisted so a restart resumes: the files read (with the size
/// and modification time they had), the feed cursor and the invalid feed page last reported.
public struct ProducerProgress: Codable, Sendable, Equatable {
    /// A file's fingerprint, `<size>-<modification time>`, by file name.
    public var files: [String: String] = [:]
    /// The feed cursor to resume from.
    public var cursor: String?
    /// The invalid feed page already dead-lettered, so it is not dead-lettered on every poll.
    public var rejectedPage: FeedRejection?

    /// Reads the progress in `file`; a missing file means nothing was done yet.
    public static func load(from file: URL) throws(SourceError) -> ProducerProgress {
        guard FileManager.default.fileExists(atPath: file.path) else { return ProducerProgress() }
        do {
            return try JSONDecoder().decode(ProducerProgress.self, from: Data(contentsOf: file))
        } catch {
            throw SourceError(code: .stateFailed, reason: "the state file cannot be read: \(error)", input: file.path)
        }
    }

    /// Writes the progress to `file` atomically.
    public func save(to file: URL) throws(SourceError) {
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try encoder.encode(self).write(to: file, options: .atomic)
        } catch {
            throw SourceError(code: .stateFailed, reason: "the state file cannot be written: \(error)", input: file.path)
        }
    }
}
