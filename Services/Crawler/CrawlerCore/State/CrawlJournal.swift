import Foundation

/// The crawl state, persisted as an append-only JSON-lines journal so that a crawler killed
/// mid-crawl resumes where it stopped instead of starting over.
///
/// A page's `done` entry is appended only after its record was delivered, so a restart never
/// re-publishes a finished page. When a crawl ends, the journal is compacted to one `page`
/// entry per page (validators, record hash, links) for the next crawl's conditional requests.
actor CrawlJournal {
    private let file: URL
    private var handle: FileHandle?
    private var state: JournalState

    init(file: URL) throws(CrawlerError) {
        self.file = file
        var state = JournalState()
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: file.path) {
                let decoder = JSONDecoder()
                for line in try Data(contentsOf: file).split(separator: UInt8(ascii: "\n")) {
                    // A line cut by a crash is the only one that may fail; it is dropped.
                    guard let entry = try? decoder.decode(JournalEntry.self, from: line) else { continue }
                    state.replay(entry)
                }
            } else if !FileManager.default.createFile(atPath: file.path, contents: nil) {
                throw CrawlerError(code: .stateFailed, reason: "the crawl journal cannot be created", input: file.path)
            }
            let handle = try FileHandle(forWritingTo: file)
            try handle.seekToEnd()
            self.handle = handle
        } catch let error as CrawlerError {
            throw error
        } catch {
            throw CrawlerError(code: .stateFailed, reason: "the crawl journal cannot be opened: \(error)", input: file.path)
        }
        self.state = state
    }

    /// What is remembered of each page.
    var memories: [String: PageMemory] { state.memories }

    /// Whether a crawl was begun and not finished.
    var isInProgress: Bool { state.isInProgress }

    /// URLs queued in this crawl and not done yet, with their depth, plus the links of done
    /// pages that a crash kept from being queued.
    func pending() -> [(url: String, depth: Int)] {
        for url in state.done {
            guard let depth = state.discovered[url], let links = state.memories[url]?.links else { continue }
            for link in links where state.discovered[link] == nil { state.discovered[link] = depth + 1 }
        }
        return state.discovered.filter { !state.done.contains($0.key) }.map { ($0.key, $0.value) }
            .sorted { ($0.depth, $0.url) < ($1.depth, $1.url) }
    }

    /// Starts a new crawl.
    func begin() throws(CrawlerError) {
        try append(JournalEntry(event: .begin))
    }

    /// Queues `url` at `depth` unless already queued; returns whether it was new.
    func discover(_ url: String, depth: Int) throws(CrawlerError) -> Bool {
        guard state.discovered[url] == nil else { return false }
        try append(JournalEntry(event: .discovered, url: url, depth: depth))
        return true
    }

    /// Marks `url` processed with its final `status` and what to remember.
    func complete(_ url: String, status: Int, memory: PageMemory?) throws(CrawlerError) {
        try append(JournalEntry(event: .done, url: url, status: status, memory: memory))
    }

    /// Ends the crawl and compacts the journal.
    func finish() throws(CrawlerError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            var data = Data()
            for (url, memory) in state.memories.sorted(by: { $0.key < $1.key }) {
                data += try encoder.encode(JournalEntry(event: .page, url: url, memory: memory)) + Data("\n".utf8)
            }
            data += try encoder.encode(JournalEntry(event: .end)) + Data("\n".utf8)
            try handle?.close()
            try data.write(to: file, options: .atomic)
            let reopened = try FileHandle(forWritingTo: file)
            try reopened.seekToEnd()
            handle = reopened
        } catch {
            throw CrawlerError(code: .stateFailed, reason: "the crawl journal cannot be compacted: \(error)", input: file.path)
        }
        state.replay(JournalEntry(event: .end))
    }

    private func append(_ entry: JournalEntry) throws(CrawlerError) {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try handle?.write(contentsOf: try encoder.encode(entry) + Data("\n".utf8))
        } catch {
            throw CrawlerError(code: .stateFailed, reason: "the crawl journal cannot be written: \(error)", input: file.path)
        }
        state.replay(entry)
    }
}
