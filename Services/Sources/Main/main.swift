import ServiceSupport

LibrdkafkaRuntime.relaunchIfOutdated()
do {
    let command = try SourceCommand.parse()
    try await command.run()
} catch {
    SourceCommand.exit(withError: error)
}
