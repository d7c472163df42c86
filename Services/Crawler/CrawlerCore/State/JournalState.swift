/// The crawl state a journal's entries add up to.
struct JournalState: Sendable {
    /// What is remembered of each page.
    var memories: [String: PageMemory] = [:]
    /// Whether a crawl was begun and not finished.
    var isInProgress = false
    /// URLs queued in the current crawl, with their depth.
    var discovered: [String: Int] = [:]
    /// URLs processed in the current crawl.
    var done: Set<String> = []

    /// Applies one entry.
    mutating func replay(_ entry: JournalEntry) {
        switch entry.event {
        case .begin:
            isInProgress = true
            discovered = [:]
            done = []
        case .discovered:
            if let url = entry.url { discovered[url] = entry.depth ?? 0 }
        case .done:
            guard let url = entry.url else { return }
            done.insert(url)
            if let memory = entry.memory { memories[url] = memory }
        case .page:
            if let url = entry.url, let memory = entry.memory { memories[url] = memory }
        case .end:
            isInProgress = false
            discovered = [:]
            done = []
        }
    }
}
