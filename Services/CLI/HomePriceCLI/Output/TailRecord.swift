import Foundation
import Kafka

/// The one-line JSON form of a consumed message that `homeprice tail` prints:
/// `{"topic","partition","offset","key","timestamp","headers","value"}`. A value that is JSON
/// is embedded as JSON (so `jq .value.price` works); any other value is a string.
enum TailRecord {
    /// The JSON line of `message`, without the newline.
    static func line(_ message: KafkaConsumerMessage) -> String {
        var object: [String: Any] = [
            "topic": message.topic,
            "partition": Int(message.partition),
            "offset": Int(message.offset),
            "key": message.keyString.map { $0 as Any } ?? NSNull(),
            "headers": Dictionary(
                message.headers.map { ($0.name, $0.stringValue.map { $0 as Any } ?? NSNull()) },
                uniquingKeysWith: { _, last in last }
            ),
            "value": (try? JSONSerialization.jsonObject(with: Data(message.value), options: [.fragmentsAllowed]))
                ?? message.valueString,
        ]
        if let timestamp = message.timestamp {
            object["timestamp"] = ISO8601DateFormatter.string(
                from: timestamp, timeZone: .gmt, formatOptions: [.withInternetDateTime, .withFractionalSeconds]
            )
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
