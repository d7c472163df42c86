import Kafka
import Schema

/// Creates every topic of DESIGN.md's table with its partition count, compacting the topics
/// the table marks compacted (`cleanup.policy=compact`).
///
/// tansu never compacts; consumers read compacted topics as "latest value per key" themselves,
/// and against Apache Kafka the same specification simply works.
public enum TopicProvisioner {
    /// The specification of every HomePrice topic.
    public static var specifications: [KafkaTopicSpecification] {
        Topic.allCases.map { topic in
            KafkaTopicSpecification(
                name: topic.name,
                partitions: topic.defaultPartitionCount,
                configs: topic.isCompacted ? ["cleanup.policy": "compact"] : [:]
            )
        }
    }

    /// Creates the topics that are missing (existing ones are left as they are).
    public static func createAll(using admin: KafkaAdmin) async throws(KafkaError) {
        try await admin.createTopics(specifications)
    }
}
