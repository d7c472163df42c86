import CRdKafka

/// The librdkafka library this process runs with.
public enum LibrdkafkaVersion {
    /// The version string, e.g. `2.16.1`.
    public static var string: String { String(cString: rd_kafka_version_str()) }

    /// The version as librdkafka's hex number (`0xMMmmrrxx`).
    public static var number: Int32 { rd_kafka_version() }

    /// The oldest librdkafka that reads tansu's replies correctly (tagged fields were
    /// skipped wrongly before 2.2.0).
    public static let minimumForTansu: Int32 = 0x0202_00ff

    /// Whether the loaded librdkafka is new enough for tansu.
    public static var isModern: Bool { number >= minimumForTansu }
}
