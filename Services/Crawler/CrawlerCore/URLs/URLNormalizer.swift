import Foundation

/// Puts URLs into one canonical form so each page is fetched once: resolved against the page,
/// scheme and host lower-cased, default ports and fragments dropped, an empty path made `/`,
/// empty queries removed and query parameters sorted.
public enum URLNormalizer {
    /// The canonical form of `reference` found on `base`, or `nil` when it is not an
    /// http(s) URL (mailto:, javascript:, malformed).
    public static func normalize(_ reference: String, relativeTo base: URL? = nil) -> URL? {
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
        if let items = components.percentEncodedQueryItems, !items.isEmpty {
            components.percentEncodedQueryItems = items.sorted { ($0.name, $0.value ?? "") < ($1.name, $1.value ?? "") }
        } else {
            components.percentEncodedQuery = nil
        }
        return components.url
    }

    /// The path and query of `url`, as robots.txt rules and link patterns see it.
    public static func pathAndQuery(of url: URL) -> String {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: true)
        let path = components?.percentEncodedPath ?? "/"
        return (path.isEmpty ? "/" : path) + (components?.percentEncodedQuery.map { "?\($0)" } ?? "")
    }
}
