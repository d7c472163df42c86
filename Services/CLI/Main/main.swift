import HomePriceCLI
import ServiceSupport

LibrdkafkaRuntime.relaunchIfOutdated()
await HomePriceCommand.execute()
