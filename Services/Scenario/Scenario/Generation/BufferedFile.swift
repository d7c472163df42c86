import Foundation

/// A file written through a 1 MB buffer, so millions of lines stream to disk cheaply.
final class BufferedFile {
    private let handle: FileHandle
    private let path: String
    private var buffer = Data()
    private static let capacity = 1 << 20

    /// Creates (or truncates) the file at `url`, creating its folder.
    init(url: URL) throws(ScenarioError) {
        path = url.path
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw ScenarioError(code: .outputFailed, reason: "the file cannot be created", input: url.path)
            }
            handle = try FileHandle(forWritingTo: url)
        } catch let error as ScenarioError {
            throw error
        } catch {
            throw ScenarioError(code: .outputFailed, reason: error.localizedDescription, input: url.path)
        }
        buffer.reserveCapacity(Self.capacity)
    }

    /// Appends `text`.
    func write(_ text: String) throws(ScenarioError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.capacity { try flush() }
    }

    /// Writes the buffer and closes the file.
    func close() throws(ScenarioError) {
        try flush()
        do {
            try handle.close()
        } catch {
            throw ScenarioError(code: .outputFailed, reason: error.localizedDescription, input: path)
        }
    }

    private func flush() throws(ScenarioError) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw ScenarioError(code: .outputFailed, reason: error.localizedDescription, input: path)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
