import ArgumentParser
import Foundation
import ModelRegistry

/// `homeprice models show`: one version with its model card, or every model's champion.
struct ModelsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "One model version with its card: metrics overall and per segment, champion comparison, data.",
        discussion: """
            Without --region, shows the champion of every model. A card that cannot be read (no artifact \
            store, a damaged file) is reported in one line and the registry's facts are still shown. With \
            --json, one JSON object (an array of them without --region).
            """)

    @Option(help: "The region's model (US, CA, DE, …).", transform: { try ModelName(region: $0) })
    var region: ModelName?

    @Option(help: "The version (default: the champion); needs --region.")
    var version: String?

    @Option(help: "The artifact store's folder (default: HOMEPRICE_ARTIFACTS, else artifacts in the state folder).")
    var artifacts: String?

    @OptionGroup var options: ModelsOptions

    func validate() throws {
        if version != nil, region == nil { throw ValidationError("--version needs --region") }
    }

    func run() async throws {
        let environment = try await options.environment()
        let state = try await options.connection(environment).readRegistry()
        let models = try state.models(selecting: region)
        let folder =
            artifacts ?? ProcessInfo.processInfo.environment["HOMEPRICE_ARTIFACTS"]
            ?? environment.layout.resolve(ArtifactStore.localDirectory).path
        let store = URL(fileURLWithPath: folder)
        if let region {
            let report = ModelVersionReport(try state.version(version, orChampionOf: region.name), in: state, artifacts: store)
            try options.emit(report) { report.text }
            return
        }
        let reports = models.compactMap { state.champion(of: $0) }.map { ModelVersionReport($0, in: state, artifacts: store) }
        try options.emit(reports) {
            models.map { model in
                reports.first { $0.model == model }?.text ?? "\(model): no champion that can serve (models list shows its versions)\n"
            }.joined(separator: "\n")
        }
    }
}
