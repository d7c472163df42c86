import ArgumentParser

/// The options of a command that changes a region's model (train, promote, roll back,
/// archive): which region, and why.
struct ModelChangeOptions: ParsableArguments {
    @Option(help: "The region (US, CA, DE, …).", transform: { try ModelName(region: $0) })
    var region: ModelName

    @Option(help: "Why, for the audit trail.")
    var reason: String?
}
