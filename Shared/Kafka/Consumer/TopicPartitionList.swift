import CRdKafka

/// A Swift-owned `rd_kafka_topic_partition_list_t`, destroyed with the value's scope.
struct TopicPartitionList: ~Copyable {
    let pointer: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>

    /// An empty list with room for `capacity` entries.
    init(capacity: Int) {
        pointer = rd_kafka_topic_partition_list_new(Int32(capacity))
    }

    deinit {
        rd_kafka_topic_partition_list_destroy(pointer)
    }

    /// Appends a partition with an offset (or `RD_KAFKA_OFFSET_INVALID`).
    func add(_ partition: KafkaTopicPartition, offset: Int64 = Int64(RD_KAFKA_OFFSET_INVALID)) {
        let entry = rd_kafka_topic_partition_list_add(pointer, partition.topic, partition.partition)!
        entry.pointee.offset = offset
    }

    /// The entries as Swift values, with their offsets and per-entry errors.
    var entries: [(partition: KafkaTopicPartition, offset: Int64, error: rd_kafka_resp_err_t)] {
        Self.entries(of: pointer)
    }

    /// The entries of a list librdkafka owns.
    static func entries(
        of list: UnsafePointer<rd_kafka_topic_partition_list_t>
    ) -> [(partition: KafkaTopicPartition, offset: Int64, error: rd_kafka_resp_err_t)] {
        (0..<Int(list.pointee.cnt)).map { index in
            let element = list.pointee.elems[index]
            return (
                KafkaTopicPartition(topic: String(cString: element.topic), partition: element.partition),
                element.offset,
                element.err
            )
        }
    }
}
