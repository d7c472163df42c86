import Foundation
import Kafka
import Schema
import ServiceSupport

/// Waits for what a schema topic holds to satisfy a condition: reads `Message.topic` from the
/// beginning, decoding each message (undecodable ones are skipped), until `condition` holds for
/// everything read so far or `timeout` passes.
/// - Returns: Every message read.
/// - Throws: `DeadlineExceeded` naming `what` when the condition did not hold in time.
public func waitForMessages<Message: SchemaMessage>(
    _ type: Message.Type, on bootstrapServers: String, timeout: Duration = .seconds(120), until what: String,
    _ condition: @escaping @Sendable ([Message]) -> Bool
) async throws -> [Message] {
    try await TopicContents.read(
        of: [(Message.topic.name, Message.topic.defaultPartitionCount)], bootstrapServers: bootstrapServers, timeout: timeout,
        until: what, as: { try? Message.decode(from: Data($0.value)) }, condition)
}
