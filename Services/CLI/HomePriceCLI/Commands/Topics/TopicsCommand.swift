import ArgumentParser
import Foundation
import Kafka
import ServiceSupport

/// `homeprice topics`: every topic with its partitions and end offsets.
struct TopicsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "List topics with their partition counts and end offsets."
    )

    @Flag(help: "Print one JSON object per topic.")
    var json = false

    @Flag(help: "First create every topic of the design that is missing (partitions, compaction).")
    var create = false

    /// One topic's line.
    struct Row: Codable {
        let topic: String
        let partitions: Int
        let endOffsets: [Int64]
        let messages: Int64
    }

    func run() async throws {
        let environment = try await CLIEnvironment.load()
        let admin = try environment.admin()
        if create {
            try await TopicProvisioner.createAll(using: admin)
        }
        var rows: [Row] = []
        for topic in try await admin.listTopics() {
            let marks = try await admin.watermarks(topic: topic.name, partitions: topic.partitions)
            rows.append(
                Row(
                    topic: topic.name,
                    partitions: topic.partitions.count,
                    endOffsets: marks.map(\.high),
                    messages: marks.messages
                )
            )
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            for row in rows { print(String(decoding: try encoder.encode(row), as: UTF8.self)) }
            return
        }
        let width = max(5, rows.map(\.topic.count).max() ?? 0)
        print("TOPIC".padding(toLength: width, withPad: " ", startingAt: 0) + "  PARTITIONS  MESSAGES  END OFFSETS")
        for row in rows {
            print(
                row.topic.padding(toLength: width, withPad: " ", startingAt: 0)
                    + "  " + String(row.partitions).leftPadded(10)
                    + "  " + String(row.messages).leftPadded(8)
                    + "  " + row.endOffsets.map(String.init).joined(separator: ",")
            )
        }
    }
}
