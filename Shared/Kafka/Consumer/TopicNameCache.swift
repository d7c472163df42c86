import CRdKafka

/// Topic names of consecutive messages, read from librdkafka once per topic handle within
/// one batch (a batch rarely spans more than one topic).
struct TopicNameCache {
    private var handle: OpaquePointer?
    private var name = ""

    /// The name of topic handle `topic`.
    mutating func name(of topic: OpaquePointer?) -> String {
        guard let topic else { return "" }
        if topic != handle {
            handle = topic
            name = String(cString: rd_kafka_topic_name(topic))
        }
        return name
    }
}
