import Foundation

/// Where and how the server journals what an HTTP request produced before it answers
/// (`server.journal.` in `configs/server.yaml`).
public struct JournalSettings: Sendable, Equatable {
    /// This instance's journal folder: `server.journal.directory` plus the service name, so
    /// instances sharing a state folder never share a journal.
    public var directory: URL
    /// A segment file is closed and a new one started once it holds this many bytes.
    public var segmentBytes: Int
    /// Appends are refused (503) while the undelivered segments hold this many bytes.
    public var maxBytes: Int
    /// Whether every write is flushed to the disk (`fdatasync`) before the answer goes out.
    /// Off, a killed process loses nothing (its writes are in the kernel's page cache) but a
    /// machine crash may lose the last few seconds of answers.
    public var syncEveryWrite: Bool

    /// Creates the settings.
    public init(directory: URL, segmentBytes: Int, maxBytes: Int, syncEveryWrite: Bool) {
        self.directory = directory
        self.segmentBytes = segmentBytes
        self.maxBytes = maxBytes
        self.syncEveryWrite = syncEveryWrite
    }
}
