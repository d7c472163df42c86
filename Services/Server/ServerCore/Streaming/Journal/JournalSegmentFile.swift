import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One segment file of the journal, open for appending; the journal's only use of the C file
/// API. Segments are named by an increasing sequence number (`segment-0000000000000042.log`);
/// a process never appends to a segment an earlier process wrote, so a line cut short by a kill
/// is always the last line of its file.
struct JournalSegmentFile: Sendable {
    /// The segment's sequence number.
    let sequence: UInt64
    /// The file.
    let url: URL
    private let descriptor: Int32

    /// The file name of segment `sequence`.
    static func name(of sequence: UInt64) -> String {
        let digits = String(sequence)
        return "segment-" + String(repeating: "0", count: max(0, 16 - digits.count)) + digits + ".log"
    }

    /// The sequence number of a segment's file name, `nil` for any other file.
    static func sequence(ofName name: String) -> UInt64? {
        guard name.hasPrefix("segment-"), name.hasSuffix(".log") else { return nil }
        return UInt64(name.dropFirst("segment-".count).dropLast(".log".count))
    }

    /// Creates segment `sequence` in `directory` (it must not exist yet); with `durable`, the
    /// folder's entry is flushed too, so the file survives a machine crash.
    /// - Throws: ``ServerError/Code/journalFailed`` naming the file.
    static func create(sequence: UInt64, in directory: URL, durable: Bool) throws(ServerError) -> JournalSegmentFile {
        let url = directory.appendingPathComponent(name(of: sequence))
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot create the segment", url) }
        if durable {
            let folder = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            defer { if folder >= 0 { _ = Glibc.close(folder) } }
            guard folder >= 0, fsync(folder) == 0 else {
                let error = failure("cannot flush the journal folder", directory)
                _ = Glibc.close(descriptor)
                throw error
            }
        }
        return JournalSegmentFile(sequence: sequence, url: url, descriptor: descriptor)
    }

    /// Appends `bytes` with as few `write` calls as the kernel allows (one, for a regular
    /// file); with `durable`, flushes them to the disk before returning.
    /// - Throws: ``ServerError/Code/journalFailed`` naming the file (a disk full, an I/O error).
    func append(_ bytes: [UInt8], durable: Bool) throws(ServerError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw Self.failure("cannot append to the segment", url)
            }
            offset += written
        }
        if durable, fdatasync(descriptor) != 0 {
            throw Self.failure("cannot flush the segment", url)
        }
    }

    /// Closes the file.
    func close() {
        _ = Glibc.close(descriptor)
    }

    private static func failure(_ what: String, _ url: URL) -> ServerError {
        ServerError(.journalFailed, reason: "\(what): \(String(cString: strerror(errno)))", input: url.path)
    }
}
