import CRdKafka
import Logging

/// Forwards one librdkafka log event to swift-log at the matching level.
func logEvent(_ event: OpaquePointer, logger: Logger) {
    var facility: UnsafePointer<CChar>?
    var text: UnsafePointer<CChar>?
    var level: Int32 = 0
    guard rd_kafka_event_log(event, &facility, &text, &level) == 0, let text else { return }
    let logLevel: Logger.Level =
        switch level {
        case ...3: .error
        case 4: .warning
        case 5, 6: .info
        default: .debug
        }
    logger.log(
        level: logLevel,
        "\(String(cString: text))",
        metadata: ["kafka.facility": "\(facility.map { String(cString: $0) } ?? "")"]
    )
}
