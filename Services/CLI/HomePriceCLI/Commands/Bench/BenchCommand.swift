import ArgumentParser

/// `homeprice bench …`: benchmarks that print figures and ratios against a reference
/// measured in the same run (`--json` for one JSON object).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks: figures and ratios against a reference measured in the same run.",
        subcommands: [
            BenchFixedAnswerCommand.self, BenchIngestCommand.self, BenchKafkaCommand.self, BenchMonitorCommand.self,
            BenchNormalizeCommand.self,
            BenchPipelineCommand.self, BenchPipelineTrainingCommand.self, BenchServeCommand.self,
            BenchTrainingCommand.self,
        ]
    )
}
