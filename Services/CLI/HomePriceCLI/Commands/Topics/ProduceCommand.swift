import ArgumentParser
import Foundation
import Kafka

/// `homeprice produce TOPIC`: sends messages from arguments or standard input.
struct ProduceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "produce",
        abstract: "Send messages to a topic: the given value, or one message per line of standard input."
    )

    @Argument(help: "The topic.")
    var topic: String

    @Argument(help: "The value; without it, each line of standard input is one message.")
    var value: String?

    @Option(help: "The key of every message.")
    var key: String?

    @Option(help: "Split each input line into key and value at the first occurrence of this text (like kcat -K).")
    var keySeparator: String?

    @Option(name: .customLong("header"), help: "A header name=value; repeatable.")
    var headers: [String] = []

    @Flag(help: "Print each delivery report as a JSON line.")
    var reports = false

    func run() async throws {
        let environment = try await CLIEnvironment.load()
        let headers = try headers.map { entry in
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw ValidationError("a header reads name=value, not \(entry)") }
            return KafkaHeader(name: parts[0], string: parts[1])
        }
        let lines: [String] = value.map { [$0] } ?? Array(AnySequence { AnyIterator { readLine(strippingNewline: true) } })
        let messages = lines.map { line -> KafkaProducerMessage in
            var messageKey = key
            var messageValue = line
            if let keySeparator, let range = line.range(of: keySeparator) {
                messageKey = String(line[..<range.lowerBound])
                messageValue = String(line[range.upperBound...])
            }
            return KafkaProducerMessage(topic: topic, key: messageKey, value: messageValue, headers: headers)
        }
        let delivered = try await KafkaProducer.withProducer(
            configuration: environment.kafka.producer(clientId: "homeprice-produce"),
            logger: environment.logger
        ) { producer in
            try await producer.send(messages)
        }
        if reports {
            for report in delivered {
                print(#"{"offset":\#(report.offset),"partition":\#(report.partition),"topic":"\#(report.topic)"}"#)
            }
        }
    }
}
