import ArgumentParser
import ServiceSupport

/// `homeprice up`: starts the local cluster in the background.
struct UpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up",
        abstract: "Start the local cluster (fresh tansu broker, every topic, every configured service) in the background."
    )

    func run() async throws {
        let environment = try await CLIEnvironment.load()
        let controller = ClusterController(layout: environment.layout, stateDirectory: environment.stateDirectory)
        if let state = try controller.runningState() {
            print("cluster already up (supervisor \(state.supervisorPid), broker \(state.bootstrapServers))")
            return
        }
        let settings = try await ClusterSettings.load(layout: environment.layout)
        let state = try await controller.start(readyTimeout: .seconds(settings.readyTimeoutSeconds))
        print(
            "cluster up: broker \(state.bootstrapServers), \(state.services.count) services, logs in \(environment.stateDirectory.path)/logs"
        )
        if let reset = state.reset, !reset.isEmpty {
            print(
                "fresh broker (empty topics): removed \(reset.joined(separator: ", ")) of the previous broker from "
                    + "\(environment.stateDirectory.path), so every source publishes again")
        }
    }
}
