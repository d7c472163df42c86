import CRdKafka
import Foundation

/// Reads a consumer group's committed offsets from its coordinator: a short-lived consumer
/// handle carrying the group's id asks once (`rd_kafka_committed`) without subscribing, so the
/// group's members are not rebalanced.
struct CommittedOffsetProbe {
    let properties: [String: String]

    /// The committed offset of every partition of `topic` in `group`, `nil` where the group
    /// committed none.
    func committed(group: String, topic: String, partitions: [Int32], timeout: Duration) throws(KafkaError) -> [Int32: Int64?] {
        var properties = properties
        properties["group.id"] = group
        properties["enable.auto.commit"] = "false"
        let consumer = try RdKafkaHandle(type: RD_KAFKA_CONSUMER, properties: properties)
        let list = TopicPartitionList(capacity: partitions.count)
        for partition in partitions { list.add(KafkaTopicPartition(topic: topic, partition: partition)) }
        let milliseconds = Int32(timeout.components.seconds * 1_000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        let error = rd_kafka_committed(consumer.pointer, list.pointer, milliseconds)
        guard error == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError.rdKafka(.queryFailed, error, input: "\(group) on \(topic)")
        }
        var offsets: [Int32: Int64?] = [:]
        for entry in list.entries {
            offsets[entry.partition.partition] = entry.offset >= 0 ? entry.offset : nil
        }
        return offsets
    }
}
