import ArgumentParser
import Foundation

/// `homeprice bench fixed-answer`: the SwiftNIO reference process of `homeprice bench serve`
/// (``FixedAnswerServer``); started by that benchmark, not by hand.
struct BenchFixedAnswerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fixed-answer",
        abstract: "Serve one fixed JSON body on SwiftNIO's event loops (the NIO reference of bench serve).",
        shouldDisplay: false
    )

    @Option(help: "Port on 127.0.0.1.")
    var port: Int

    @Option(help: "File whose bytes are every answer's body.")
    var body: String

    @Option(help: "Event loop threads.")
    var threads = ProcessInfo.processInfo.activeProcessorCount

    func run() async throws {
        guard threads > 0, (1...65_535).contains(port) else { throw ValidationError("--threads must be positive and --port 1 to 65535") }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: body))
        try await FixedAnswerServer(body: Array(bytes), threads: threads).run(port: port)
    }
}
