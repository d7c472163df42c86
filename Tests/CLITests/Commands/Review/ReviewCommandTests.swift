import Foundation
import Kafka
import Schema
import ServiceSupport
import TestSupport
import Testing

@Suite("homeprice review as a process against a real tansu broker", .serialized)
struct ReviewCommandTests {
    private static let duplicate = ReviewTask(
        taskId: "dup-1", kind: .ambiguousDuplicate, subjectIds: ["home-a", "home-b"], summary: "Same home at 12 Elm St?",
        details: ["similarity": "0.83"], createdBy: "normalizer", createdAt: Date(timeIntervalSince1970: 1_714_564_800))
    private static let model = ReviewTask(
        taskId: "model-7", kind: .modelAwaitingApproval, subjectIds: ["homeprice-us:7"], summary: "Promote version 7?",
        createdBy: "trainer", createdAt: Date(timeIntervalSince1970: 1_714_564_860))

    @Test("list shows the open tasks, show one task's evidence, approve publishes it resolved, and a second decision is refused")
    func listShowDecide() async throws {
        try await TestProject.withBroker { broker in
            let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: broker.bootstrapServers))
            try await TopicProvisioner.createAll(using: admin)
            try await KafkaTestClients.publish([Self.duplicate, Self.model], to: broker.bootstrapServers)

            let listed = try await Self.review(["list"], broker: broker)
            #expect(listed.status == 0, "\(listed.errors)")
            #expect(listed.output.count == 2 && listed.output.first?.hasPrefix("dup-1  ambiguousDuplicate  open") == true)

            let shown = try await Self.review(["show", "dup-1"], broker: broker)
            #expect(shown.output.contains("evidence  similarity: 0.83"))

            let approved = try await Self.review(["approve", "dup-1", "--note", "same parcel", "--json"], broker: broker)
            #expect(approved.status == 0, "\(approved.errors)")
            let printed = try ReviewTask.decode(from: Data(approved.output.joined(separator: "\n").utf8))
            #expect(printed.status == .approved && printed.resolvedBy == "user:ops" && printed.resolutionNote == "same parcel")
            let stored = try await waitForMessages(ReviewTask.self, on: broker.bootstrapServers, until: "the decision") { $0.count == 3 }
            #expect(stored.last == printed)

            let open = try await Self.review(["list", "--json"], broker: broker)
            let tasks = try SchemaJSON.makeDecoder().decode([ReviewTask].self, from: Data(open.output.joined(separator: "\n").utf8))
            #expect(tasks.map(\.taskId) == ["model-7"])

            let again = try await Self.review(["reject", "dup-1"], broker: broker)
            #expect(again.status != 0)
            #expect(again.errors.contains("review refused") && again.errors.contains("already approved"))
            let unknown = try await Self.review(["show", "nope"], broker: broker)
            #expect(unknown.status != 0 && unknown.errors.contains("unknownTask"))
        }
    }

    /// Runs `homeprice review arguments…` against `broker` as the user `ops`.
    private static func review(_ arguments: [String], broker: TansuBroker) async throws -> (status: Int32, output: [String], errors: String)
    {
        try await HomepriceProcess.run(
            ["review"] + arguments + ["--bootstrap-servers", broker.bootstrapServers], environment: ["USER": "ops"])
    }
}
