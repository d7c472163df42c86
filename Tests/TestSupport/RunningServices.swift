import ServiceLifecycle
import ServiceSupport

/// Runs `services` in one `ServiceGroup` while `body` runs, then shuts the group down
/// gracefully and waits for it to stop, also when `body` throws. The group's whole run,
/// shutdown included, is bounded by `timeout`.
public func withRunningServices<Value: Sendable>(
    _ services: [any Service], timeout: Duration = .seconds(240), _ body: () async throws -> Value
) async throws -> Value {
    let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: services, logger: KafkaTestClients.logger))
    return try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask {
            try await withDeadline(timeout, waitingFor: "the services to stop") { try await group.run() }
        }
        let value: Value
        do {
            value = try await body()
        } catch {
            await group.triggerGracefulShutdown()
            throw error
        }
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
        return value
    }
}
