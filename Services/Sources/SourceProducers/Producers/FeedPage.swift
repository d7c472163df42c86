import Foundation

/// One page of an agency feed: `{"items":[…],"cursor":"…","hasMore":…}`.
struct FeedPage {
    /// Each item as JSON text (re-serialized with sorted keys), or the reason it is unreadable.
    let items: [String]
    let cursor: String
    let hasMore: Bool

    /// Reads a page; throws a message naming what is wrong.
    init(data: Data) throws(FeedPageError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            throw FeedPageError(field: nil, message: "the feed page is not valid JSON: \(detail)")
        }
        guard let page = object as? [String: Any] else { throw FeedPageError(field: nil, message: "the feed page is not a JSON object") }
        guard let items = page["items"] as? [Any] else { throw FeedPageError(field: "items", message: "the feed page has no items array") }
        guard let cursor = page["cursor"] as? String else { throw FeedPageError(field: "cursor", message: "the feed page has no cursor") }
        self.items = items.map(JSONArrayReader.elementText)
        self.cursor = cursor
        hasMore = page["hasMore"] as? Bool ?? false
    }
}

/// Why a feed page could not be read.
struct FeedPageError: Error {
    let field: String?
    let message: String
}
