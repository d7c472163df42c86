import Foundation

/// An HTTP/1.1 request as ``LocalHTTPServer`` received it.
public struct HTTPRequest: Sendable, Equatable {
    /// The method, for example `"GET"`.
    public var method: String
    /// The request target as sent, for example `/search?page=2`.
    public var target: String
    /// Header values by lower-cased name.
    public var headers: [String: String]
    /// The body.
    public var body: Data

    /// Creates a request.
    public init(method: String, target: String, headers: [String: String] = [:], body: Data = Data()) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
    }

    /// The path without the query, for example `/search`.
    public var path: String {
        target.firstIndex(of: "?").map { String(target[..<$0]) } ?? target
    }

    /// The query parameters; a name without value maps to `""`.
    public var query: [String: String] {
        guard let start = target.firstIndex(of: "?") else { return [:] }
        var parameters: [String: String] = [:]
        for pair in target[target.index(after: start)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            parameters[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return parameters
    }
}
