import CRdKafka
import Foundation

/// Reads partitions' watermarks from fetch responses: a short-lived consumer assigned to the
/// partitions fetches once from each, then librdkafka's cached watermarks are read.
struct WatermarkProbe {
    let properties: [String: String]

    /// Blocks until every partition answered a fetch, or `timeout` passes.
    func watermarks(topic: String, partitions: [Int32], timeout: Duration) throws(KafkaError) -> [KafkaWatermarks] {
        var properties = properties
        properties["group.id"] = "homeprice-watermarks-\(UUID().uuidString)"
        properties["enable.auto.commit"] = "false"
        properties["enable.partition.eof"] = "true"
        properties["fetch.wait.max.ms"] = "50"
        properties["max.partition.fetch.bytes"] = "1024"
        let consumer = try RdKafkaHandle(type: RD_KAFKA_CONSUMER, properties: properties)
        rd_kafka_poll_set_consumer(consumer.pointer)
        defer { rd_kafka_consumer_close(consumer.pointer) }
        let list = TopicPartitionList(capacity: partitions.count)
        for partition in partitions {
            list.add(KafkaTopicPartition(topic: topic, partition: partition), offset: Int64(RD_KAFKA_OFFSET_BEGINNING))
        }
        let error = rd_kafka_assign(consumer.pointer, list.pointer)
        guard error == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError.rdKafka(.queryFailed, error, input: topic)
        }
        var answered = Set<Int32>()
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while answered.count < partitions.count {
            guard clock.now < deadline else {
                throw KafkaError(code: .queryFailed, reason: "no fetch answer within \(timeout)", input: topic)
            }
            guard let message = rd_kafka_consumer_poll(consumer.pointer, 100) else { continue }
            let partition = message.pointee.partition
            let code = message.pointee.err
            rd_kafka_message_destroy(message)
            if code == RD_KAFKA_RESP_ERR_NO_ERROR || code == RD_KAFKA_RESP_ERR__PARTITION_EOF {
                answered.insert(partition)
            } else if code == RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART {
                throw KafkaError.rdKafka(.queryFailed, code, input: "\(topic)[\(partition)]")
            }
        }
        return try partitions.map { partition throws(KafkaError) in
            var low: Int64 = 0
            var high: Int64 = 0
            let error = rd_kafka_get_watermark_offsets(consumer.pointer, topic, partition, &low, &high)
            guard error == RD_KAFKA_RESP_ERR_NO_ERROR else {
                throw KafkaError.rdKafka(.queryFailed, error, input: "\(topic)[\(partition)]")
            }
            return KafkaWatermarks(partition: partition, low: max(0, low), high: high)
        }
    }
}
