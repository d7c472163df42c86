import Foundation
import Kafka
import Schema

/// The one readable line per message of `homeprice tail --human`: for `pipeline.monitoring`
/// `TIME SERVICE KIND SEVERITY NAME: MESSAGE key=value…` (labels, then values); for
/// `predictions` `TIME ID REGION MODEL@VERSION arm=ARM VALUE CURRENCY [LOWER–UPPER]`; for any
/// other topic the time, key and message type; an unreadable value says so.
public enum HumanLine {
    /// The readable line of `message`, without the newline.
    public static func line(_ message: KafkaConsumerMessage) -> String {
        guard let topic = Topic(rawValue: message.topic) else {
            return "\(time(message.timestamp)) \(message.topic) \(message.keyString ?? "-") (unknown topic)"
        }
        let decoded: any SchemaMessage
        do {
            decoded = try topic.decodeMessage(from: Data(message.value))
        } catch {
            return "\(time(message.timestamp)) \(message.topic) \(message.keyString ?? "-") unreadable: \(error)"
        }
        if let prediction = decoded as? Prediction {
            return
                "\(time(prediction.predictedAt)) \(prediction.predictionId) \(prediction.region) \(prediction.modelName)@\(prediction.modelVersion) arm=\(prediction.arm.rawValue) \(number(prediction.value)) \(prediction.currency) [\(number(prediction.interval.lower))–\(number(prediction.interval.upper))]"
        }
        guard let event = decoded as? MonitoringEvent else {
            return "\(time(message.timestamp)) \(message.topic) \(decoded.key) \(type(of: decoded).typeName)"
        }
        return line(event)
    }

    /// The readable line of a monitoring event.
    public static func line(_ event: MonitoringEvent) -> String {
        var parts = [time(event.at), event.instance ?? event.service, event.kind.rawValue, event.severity.rawValue.uppercased()]
        parts.append(event.message.map { "\(event.name): \($0)" } ?? event.name)
        parts += event.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        parts += event.values.sorted { $0.key < $1.key }.map { "\($0.key)=\(number($0.value))" }
        return parts.joined(separator: " ")
    }

    private static func time(_ date: Date?) -> String {
        guard let date else { return "-" }
        return ISO8601DateFormatter.string(from: date, timeZone: .gmt, formatOptions: [.withInternetDateTime])
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.4g", value)
    }
}
