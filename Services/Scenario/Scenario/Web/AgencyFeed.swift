import Foundation
import ServiceSupport

/// An agency's JSON feed, polled with a cursor.
///
/// `GET <path>?cursor=C&limit=N` answers
/// `{"items":[…],"cursor":"<next cursor>","hasMore":true|false}`; no cursor starts at the
/// beginning, and the returned cursor resumes after the items. The items are the lines the
/// generator wrote to `agencies/<source>.jsonl`, served verbatim.
public struct AgencyFeed: Sendable {
    /// The URL path the feed answers on, for example `/agencies/us-agency-flat/listings`.
    public let path: String
    /// The items, each a JSON object as text.
    public let items: [String]
    /// The largest page served.
    public let maximumPageSize = 500

    /// Creates a feed of `items` at `path`.
    public init(path: String, items: [String]) {
        self.path = path
        self.items = items
    }

    /// Reads the items of a JSON-lines file.
    public init(path: String, contentsOf file: URL) throws(ScenarioError) {
        do {
            let text = try String(contentsOf: file, encoding: .utf8)
            self.init(path: path, items: text.split(separator: "\n").map(String.init))
        } catch {
            throw ScenarioError(code: .seedDataUnreadable, reason: error.localizedDescription, input: file.path)
        }
    }

    /// Answers a page request.
    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        let query = request.query
        guard let start = Int(query["cursor"] ?? "0"), start >= 0, start <= items.count else {
            return .text("{\"error\":\"invalid cursor\"}", contentType: "application/json", status: 400)
        }
        let limit = min(max(Int(query["limit"] ?? "100") ?? 100, 1), maximumPageSize)
        let end = min(start + limit, items.count)
        let body = "{\"items\":[\(items[start..<end].joined(separator: ","))],\"cursor\":\"\(end)\",\"hasMore\":\(end < items.count)}"
        return .text(body, contentType: "application/json")
    }
}
