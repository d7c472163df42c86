import Foundation
import Schema

/// Saves and loads a Codable value as one JSON file, atomically (a temporary file in the same
/// folder renamed over the old one), so a crash leaves either the old or the new file.
public struct StateFile<Value: Codable & Sendable>: Sendable {
    /// Where the file lives.
    public let url: URL

    /// A file at `url`.
    public init(url: URL) {
        self.url = url
    }

    /// The saved value, or `nil` when there is no file yet.
    /// - Throws: ``TrainerError/Code/stateFailed`` when the file exists but cannot be read.
    public func load() throws(TrainerError) -> Value? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try SchemaJSON.makeDecoder().decode(Value.self, from: Data(contentsOf: url))
        } catch {
            throw TrainerError(.stateFailed, reason: "unreadable state: \(error)", input: url.path)
        }
    }

    /// Saves `value`, replacing the file atomically.
    /// - Throws: ``TrainerError/Code/stateFailed`` when it cannot be written.
    public func save(_ value: Value) throws(TrainerError) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try SchemaJSON.makeEncoder().encode(value).write(to: url, options: .atomic)
        } catch {
            throw TrainerError(.stateFailed, reason: "cannot save state: \(error)", input: url.path)
        }
    }
}
