import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Log files of child processes, size-capped by rotation.
public enum LogFile {
    /// A handle appending to `file` (created if missing), or the null device. The file is opened
    /// with `O_APPEND`, so every write lands at the current end even after ``rotate(in:largerThan:)``
    /// has emptied it.
    public static func appendingHandle(_ file: URL?) throws(ServiceSupportError) -> FileHandle {
        guard let file else { return FileHandle.nullDevice }
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw ServiceSupportError(code: .stateFailed, reason: "cannot open log file: \(error)", input: file.path)
        }
        let descriptor = open(file.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ServiceSupportError(
                code: .stateFailed, reason: "cannot open log file: \(String(cString: strerror(errno)))", input: file.path)
        }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// Rotates every `*.log` in `folder` larger than `limit` bytes: its content moves to
    /// `<name>.log.1` (replacing the older one) and the file is emptied in place, so processes
    /// writing to it (with ``appendingHandle(_:)``) go on without reopening. At most about twice
    /// `limit` per log stays on disk.
    public static func rotate(in folder: URL, largerThan limit: Int) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasSuffix(".log") {
            let file = folder.appendingPathComponent(name)
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue ?? 0
            guard size > limit else { continue }
            let old = folder.appendingPathComponent(name + ".1")
            try? FileManager.default.removeItem(at: old)
            guard (try? FileManager.default.copyItem(at: file, to: old)) != nil else { continue }
            _ = truncate(file.path, 0)
        }
    }
}
