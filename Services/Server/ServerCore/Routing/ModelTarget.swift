import Foundation

/// What a route or an experiment arm points at: a version of the region's model, or an alias
/// (`champion`, `challenger`, …) resolved against the registry at request time.
public enum ModelTarget: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A version, integer text (`"3"`).
    case version(String)
    /// An alias, any other text (`"champion"`).
    case alias(String)

    /// Reads configuration text: digits name a version, anything else an alias; empty is `nil`.
    public init?(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        self = trimmed.allSatisfy(\.isNumber) ? .version(trimmed) : .alias(trimmed)
    }

    /// The configuration text: the version or the alias.
    public var description: String {
        switch self {
        case .version(let version): version
        case .alias(let alias): alias
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let target = ModelTarget(text: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "an alias or a version is required"))
        }
        self = target
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
