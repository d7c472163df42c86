import CSQLite
import Foundation
import Synchronization

/// Copies a WAL-mode database's committed pages from its write-ahead log into the database
/// file on a thread of its own, over a connection of its own, so a writer's commit only
/// appends to the log.
///
/// SQLite's automatic checkpoint runs inside the commit that takes the log past 1,000 pages:
/// a 500-record batch changes more than that, so every batch's commit also copied its pages
/// into the file and synced it, on the normalizer's critical path (at 20,000 homes, a batch's
/// commit took 84 ms with it, 37 ms without). Here a commit that leaves at least
/// `backgroundPages` in the log (`normalizer.warehouseCheckpointBackgroundMB`) asks for a
/// checkpoint (the hook ``attach(to:)`` installs), which runs while the writer delivers its
/// batch and maps the next; the writer's next
/// transaction waits for it (``waitUntilIdle()``), so with one writer the log starts over at
/// every batch instead of growing. A `PASSIVE` checkpoint never waits for a writer or a reader
/// (another process sharing the file may keep the log from starting over), so a commit that
/// leaves more than `limitPages` in the log checkpoints it itself, as SQLite's own checkpoint
/// does, which bounds the log. Durability is the writer's: its commits sync the log as before.
final class SQLiteCheckpointer: Sendable {
    private struct State {
        /// Whether a checkpoint runs.
        var running = false
        /// Whether another was asked for while it ran.
        var pending = false
    }

    /// The checkpointing connection: used only on ``queue``.
    private nonisolated(unsafe) let handle: OpaquePointer
    private let queue = DispatchQueue(label: "homeprice.normalizer.checkpoint")
    private let state = Mutex(State())
    /// The pages a commit leaves in the log before it asks for a checkpoint: small commits
    /// gather in the log first.
    private let backgroundPages: Int32
    /// The log's size, in pages, past which a commit checkpoints it itself.
    private let limitPages: Int32

    /// Opens the checkpointing connection to `path`, a database file in WAL mode.
    /// - Throws: ``NormalizationError/Code/storageFailed``.
    init(path: String, backgroundPages: Int32, limitPages: Int32) throws(NormalizationError) {
        handle = try SQLiteDatabase.connection(to: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX)
        self.backgroundPages = max(backgroundPages, 1)
        self.limitPages = limitPages
    }

    deinit {
        // A checkpoint in flight holds the checkpointer, so none runs any more.
        sqlite3_close_v2(handle)
    }

    /// Makes the writer's connection `writer` call this checkpointer after every commit, in
    /// place of SQLite's automatic checkpoint. The hook holds the checkpointer unretained:
    /// ``detach(from:)`` before the checkpointer goes.
    func attach(to writer: OpaquePointer) {
        sqlite3_wal_hook(
            writer,
            { context, writer, database, pages in
                let checkpointer = Unmanaged<SQLiteCheckpointer>.fromOpaque(context!).takeUnretainedValue()
                if pages > checkpointer.limitPages {
                    // As SQLite's own checkpoint does; a failure leaves the pages in the log.
                    sqlite3_wal_checkpoint_v2(writer, database, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
                } else if pages >= checkpointer.backgroundPages {
                    checkpointer.request()
                }
                return SQLITE_OK
            }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Removes the hook ``attach(to:)`` installed on `writer`.
    func detach(from writer: OpaquePointer) {
        sqlite3_wal_hook(writer, nil, nil)
    }

    /// Starts a checkpoint, or, while one runs, another after it.
    private func request() {
        let start = state.withLock { state in
            guard !state.running else {
                state.pending = true
                return false
            }
            state.running = true
            return true
        }
        guard start else { return }
        queue.async { [self] in
            repeat {
                // A connection learns that the file is in WAL mode (and so has a log to
                // checkpoint) when it first reads it. A failure (another connection
                // checkpointing, say) leaves the pages in the log for the next checkpoint.
                sqlite3_exec(handle, "SELECT 1 FROM sqlite_master LIMIT 1", nil, nil, nil)
                sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            } while takePending()
        }
    }

    /// Whether a checkpoint was asked for while one ran (and clears it); marks the checkpointer
    /// idle when none was.
    private func takePending() -> Bool {
        state.withLock { state in
            guard state.pending else {
                state.running = false
                return false
            }
            state.pending = false
            return true
        }
    }

    /// Waits for the checkpoints asked for so far.
    func waitUntilIdle() {
        queue.sync {}
    }
}
