import Foundation
import Kafka

/// A consumer group whose lag is watched on one topic, configured as `GROUP=TOPIC`
/// (`homeprice-normalizer=homes.raw`).
public struct WatchedConsumerGroup: Sendable, Equatable, Codable {
    /// The consumer group.
    public var group: String
    /// The topic it consumes.
    public var topic: String

    /// Creates a watched group.
    public init(group: String, topic: String) {
        self.group = group
        self.topic = topic
    }

    /// Reads `GROUP=TOPIC` entries.
    /// - Throws: ``ServiceSupportError/Code/invalidConfiguration`` naming `key` and the entry.
    public static func parse(_ entries: [String], key: String) throws(ServiceSupportError) -> [WatchedConsumerGroup] {
        try entries.map { entry throws(ServiceSupportError) in
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ServiceSupportError(code: .invalidConfiguration, reason: "`\(entry)` is not GROUP=TOPIC", input: key)
            }
            return WatchedConsumerGroup(group: parts[0], topic: parts[1])
        }
    }
}

extension KafkaAdmin {
    /// The lag of every watched group that the broker can tell (a group or topic it cannot
    /// answer for is left out).
    public func lag(of groups: [WatchedConsumerGroup]) async -> [KafkaConsumerLag] {
        var figures: [KafkaConsumerLag] = []
        for watched in groups {
            if let lag = try? await lag(group: watched.group, topic: watched.topic) { figures.append(lag) }
        }
        return figures
    }
}
