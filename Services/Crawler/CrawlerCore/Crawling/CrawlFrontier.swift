/// The URLs waiting to be fetched, shallowest first and in discovery order within a depth,
/// so the crawl goes breadth-first without waiting for a whole level to finish.
struct CrawlFrontier {
    private var levels: [Int: [String]] = [:]
    private var cursors: [Int: Int] = [:]

    /// A frontier holding `pending` (for example a resumed crawl's unfinished URLs).
    init(_ pending: [(url: String, depth: Int)]) {
        for entry in pending { append(entry.url, depth: entry.depth) }
    }

    /// Queues `url` at `depth`.
    mutating func append(_ url: String, depth: Int) {
        levels[depth, default: []].append(url)
    }

    /// Takes the next URL: the first not yet taken of the shallowest depth that has one.
    mutating func next() -> (url: String, depth: Int)? {
        guard let depth = levels.keys.min(), let urls = levels[depth] else { return nil }
        let cursor = cursors[depth, default: 0]
        let url = urls[cursor]
        if cursor + 1 == urls.count {
            levels[depth] = nil
            cursors[depth] = nil
        } else {
            cursors[depth] = cursor + 1
        }
        return (url, depth)
    }
}
