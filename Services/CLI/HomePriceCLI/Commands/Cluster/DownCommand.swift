import ArgumentParser

/// `homeprice down`: stops the local cluster.
struct DownCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "down",
        abstract: "Stop the local cluster: services first, then the broker (everything in it is lost)."
    )

    func run() async throws {
        let environment = try await CLIEnvironment.load()
        let controller = ClusterController(layout: environment.layout, stateDirectory: environment.stateDirectory)
        guard let state = try controller.runningState() else {
            print("cluster is down")
            return
        }
        try await controller.stop(state, timeout: .seconds(60))
        print("cluster down")
    }
}
