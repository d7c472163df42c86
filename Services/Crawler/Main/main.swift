import ServiceSupport

LibrdkafkaRuntime.relaunchIfOutdated()
do {
    let command = try CrawlerCommand.parse()
    try await command.run()
} catch {
    CrawlerCommand.exit(withError: error)
}
