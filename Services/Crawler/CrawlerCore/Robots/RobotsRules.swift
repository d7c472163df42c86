/// The rules of a robots.txt that apply to a crawler: the groups for its user agent, or the
/// `*` group when none names it. The longest matching `Allow`/`Disallow` prefix wins (an
/// `Allow` wins a tie); `*` inside and `$` at the end of a rule are understood.
public struct RobotsRules: Sendable, Equatable {
    private var allow: [String] = []
    private var disallow: [String] = []
    /// The `Crawl-delay` in seconds, if the group sets one.
    public private(set) var crawlDelay: Double?

    /// Rules that allow everything (no robots.txt, or it could not be fetched with a 4xx).
    public static let allowAll = RobotsRules()

    private init() {}

    /// Parses `text` for `userAgent` (matched case-insensitively as a substring).
    public init(text: String, userAgent: String) {
        var groups: [(agents: [String], rules: RobotsRules)] = []
        var current: (agents: [String], rules: RobotsRules)?
        var lastWasAgent = false
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            let field = parts[0].lowercased(), value = parts[1]
            if field == "user-agent" {
                if !lastWasAgent, let finished = current { groups.append(finished) }
                if !lastWasAgent { current = ([], RobotsRules()) }
                current?.agents.append(value.lowercased())
                lastWasAgent = true
                continue
            }
            lastWasAgent = false
            switch field {
            case "allow" where !value.isEmpty: current?.rules.allow.append(value)
            case "disallow" where !value.isEmpty: current?.rules.disallow.append(value)
            case "crawl-delay": current?.rules.crawlDelay = Double(value)
            default: break
            }
        }
        if let current { groups.append(current) }
        let agent = userAgent.lowercased()
        let named = groups.filter { $0.agents.contains { $0 != "*" && agent.contains($0) } }
        let chosen = named.isEmpty ? groups.filter { $0.agents.contains("*") } : named
        for group in chosen {
            allow += group.rules.allow
            disallow += group.rules.disallow
            crawlDelay = crawlDelay ?? group.rules.crawlDelay
        }
    }

    /// Whether `pathAndQuery` (for example `/search?sort=price`) may be fetched.
    public func allows(_ pathAndQuery: String) -> Bool {
        let allowed = allow.filter { Self.matches($0, pathAndQuery) }.map(\.count).max() ?? -1
        let disallowed = disallow.filter { Self.matches($0, pathAndQuery) }.map(\.count).max() ?? -1
        return allowed >= disallowed
    }

    private static func matches(_ rule: String, _ path: String) -> Bool {
        let anchored = rule.hasSuffix("$")
        let pieces = (anchored ? String(rule.dropLast()) : rule).split(separator: "*", omittingEmptySubsequences: false)
        var remainder = Substring(path)
        for (index, piece) in pieces.enumerated() {
            if index == 0 {
                guard remainder.hasPrefix(piece) else { return false }
                remainder = remainder.dropFirst(piece.count)
            } else if let range = remainder.range(of: piece) {
                remainder = remainder[range.upperBound...]
            } else {
                return false
            }
        }
        return !anchored || remainder.isEmpty || (pieces.last?.isEmpty ?? false)
    }
}
