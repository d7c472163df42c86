import ArgumentParser
import Foundation

/// `homeprice bench kafka`: the Swift wrapper against kcat and confluent-kafka.
struct BenchKafkaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kafka",
        abstract: "Produce and consume N messages through the Swift wrapper, kcat and confluent-kafka; print rates and ratios."
    )

    @Option(help: "How many messages.")
    var messages = 1_000_000

    @Option(help: "Bytes per message (JSON).")
    var messageBytes = 400

    @Option(help: "Partitions of the benchmark topic.")
    var partitions = 6

    @Flag(help: "Skip the confluent-kafka Python reference.")
    var skipPython = false

    @Flag(help: "Print one JSON object with every figure and ratio.")
    var json = false

    func run() async throws {
        let environment = try await CLIEnvironment.load()
        let benchmark = KafkaBenchmark(layout: environment.layout, kafka: environment.kafka, logger: environment.logger)
        let report = try await benchmark.run(
            .init(messages: messages, messageBytes: messageBytes, partitions: partitions, includePython: !skipPython)
        )
        if json {
            try BenchJSON.print(report)
            return
        }
        print(
            "bench kafka: \(report.messages) messages of \(report.messageBytes) bytes, \(report.partitions) partitions, librdkafka \(report.librdkafka), fresh tansu per client"
        )
        print("client    produce msg/s   consume msg/s")
        for figure in report.figures {
            print(
                figure.client.padding(toLength: 8, withPad: " ", startingAt: 0)
                    + String(format: "  %13.0f   %13.0f", figure.produceMessagesPerSecond, figure.consumeMessagesPerSecond)
            )
        }
        for (name, ratio) in report.ratios.sorted(by: { $0.key < $1.key }) {
            print("ratio \(name): \(String(format: "%.2f", ratio))")
        }
        print("goal: swift ≥ \(report.goal) × kcat in both directions: \(report.meetsGoal ? "met" : "NOT met")")
    }
}
