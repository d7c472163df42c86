import Foundation
import Kafka
import Schema

/// One journal entry as written to a segment: the topic's name, a tab, the record's value (a
/// schema message's JSON, ``SchemaMessage/encoded()``, which never holds a raw newline) and a
/// newline. A line without its newline was cut short by a kill in the middle of a write.
enum JournalLine {
    private static let separator = UInt8(ascii: "\t")
    /// The end of every entry.
    static let terminator = UInt8(ascii: "\n")

    /// The line of `record`.
    static func encode(_ record: KafkaProducerMessage) -> [UInt8] {
        let topic = record.topic.utf8
        var line: [UInt8] = []
        line.reserveCapacity(topic.count + record.value.count + 2)
        line += topic
        line.append(separator)
        line += record.value
        line.append(terminator)
        return line
    }

    /// The record of a line (without its newline), its key taken from the decoded message.
    /// - Throws: ``ServerError/Code/journalFailed`` when the line names no topic or its JSON is
    ///   not that topic's message.
    static func decode(_ line: ArraySlice<UInt8>) throws(ServerError) -> KafkaProducerMessage {
        guard let tab = line.firstIndex(of: separator) else {
            throw ServerError(.journalFailed, reason: "no tab after the topic name")
        }
        let name = String(decoding: line[line.startIndex..<tab], as: UTF8.self)
        guard let topic = Topic(rawValue: name) else { throw ServerError(.journalFailed, reason: "unknown topic", input: name) }
        let value = Array(line[(tab + 1)...])
        do {
            let message = try topic.decodeMessage(from: Data(value))
            return KafkaProducerMessage(topic: name, key: Array(message.key.utf8), value: value)
        } catch {
            throw ServerError(.journalFailed, reason: error.description, input: name)
        }
    }
}
