import Foundation

/// Log files of child processes.
public enum LogFile {
    /// A handle appending to `file` (created if missing), or the null device.
    public static func appendingHandle(_ file: URL?) throws(ServiceSupportError) -> FileHandle {
        guard let file else { return FileHandle.nullDevice }
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: file.path) {
                _ = FileManager.default.createFile(atPath: file.path, contents: nil)
            }
            let handle = try FileHandle(forWritingTo: file)
            try handle.seekToEnd()
            return handle
        } catch {
            throw ServiceSupportError(code: .stateFailed, reason: "cannot open log file: \(error)", input: file.path)
        }
    }
}
