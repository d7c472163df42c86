import Foundation

/// Puts URLs into one canonical form so each page is fetched once: resolved against the page,
/// scheme and host lower-cased, default ports and fragments dropped, an empty path made `/`,
/// empty queries removed, query parameters sorted and ignored (tracking) parameters dropped.
public enum URLNormalizer {
    /// The canonical form of `reference` found on `base`, or `nil` when it is not an
    /// http(s) URL (mailto:, javascript:, malformed). Query parameters named in
    /// `droppingParameters` (`fbclid`; `utm_*` for every name starting `utm_`) are removed.
    public static func normalize(_ reference: String, relativeTo base: URL? = nil, droppingParameters: [String] = []) -> URL? {
        let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, let resolved = URL(string: trimmed, relativeTo: base)?.absoluteURL,
            var components = URLComponents(url: resolved, resolvingAgainstBaseURL: true),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else { return nil }
        components.scheme = scheme
        components.host = components.host?.lowercased()
        if (scheme == "http" && components.port == 80) || (scheme == "https" && components.port == 443) {
            components.port = nil
        }
        components.fragment = nil
        if components.percentEncodedPath.isEmpty { components.percentEncodedPath = "/" }
        let items = components.percentEncodedQueryItems?.filter { item in
            !droppingParameters.contains { Self.parameter(item.name, matches: $0) }
        }
        if let items, !items.isEmpty {
            components.percentEncodedQueryItems = items.sorted { ($0.name, $0.value ?? "") < ($1.name, $1.value ?? "") }
        } else {
            components.percentEncodedQuery = nil
        }
        return components.url
    }

    /// Whether the query parameter `name` is the ignored `pattern` (`*` at the end: a prefix).
    static func parameter(_ name: String, matches pattern: String) -> Bool {
        let decoded = name.removingPercentEncoding ?? name
        return pattern.hasSuffix("*") ? decoded.hasPrefix(pattern.dropLast()) : decoded == pattern
    }

    /// The path and query of `url`, as robots.txt rules and link patterns see it.
    public static func pathAndQuery(of url: URL) -> String {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: true)
        let path = components?.percentEncodedPath ?? "/"
        return (path.isEmpty ? "/" : path) + (components?.percentEncodedQuery.map { "?\($0)" } ?? "")
    }
}
