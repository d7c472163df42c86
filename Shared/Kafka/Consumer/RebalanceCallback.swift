import CRdKafka

/// librdkafka's rebalance callback: the one C callback of the wrapper.
///
/// Before partitions are taken away, the offsets of every processed message are committed
/// synchronously, so the member that takes over starts exactly after them; then the
/// assignment is updated (eagerly or incrementally, as the group's protocol says).
func rebalanceCallback(
    client: OpaquePointer?,
    reason: rd_kafka_resp_err_t,
    partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?,
    opaque: UnsafeMutableRawPointer?
) {
    guard let client, let partitions, let opaque else { return }
    let consumer = Unmanaged<ConsumerContext>.fromOpaque(opaque).takeUnretainedValue()
    let cooperative = String(cString: rd_kafka_rebalance_protocol(client)) == "COOPERATIVE"
    let changed = TopicPartitionList.entries(of: partitions).map(\.partition)
    switch reason {
    case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
        if cooperative {
            if let error = rd_kafka_incremental_assign(client, partitions) { rd_kafka_error_destroy(error) }
        } else {
            rd_kafka_assign(client, partitions)
        }
        consumer.assigned(changed, replacing: !cooperative)
    default:
        let committed = rd_kafka_commit(client, nil, 0)
        if committed != RD_KAFKA_RESP_ERR_NO_ERROR && committed != RD_KAFKA_RESP_ERR__NO_OFFSET {
            consumer.commitFailed(KafkaError.rdKafka(.commitFailed, committed, input: "on revoke of \(changed)"))
        }
        if cooperative {
            if let error = rd_kafka_incremental_unassign(client, partitions) { rd_kafka_error_destroy(error) }
        } else {
            rd_kafka_assign(client, nil)
        }
        consumer.revoked(changed)
    }
}
