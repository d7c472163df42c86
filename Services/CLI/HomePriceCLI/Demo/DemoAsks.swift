import Scenario

/// Turns held-out homes into the client stream's asks: routes spread by the configured shares
/// (HTTP with features, HTTP with a source's raw record where the region has a JSON source,
/// Kafka) and sticky client ids.
struct DemoAsks {
    let settings: DemoSettings.Client

    /// The asks of `homes`, ids `demo-<phase>-<region>-<n>`, priced at `priceFactor` × the true price.
    func asks(for homes: [ScenarioHome], phase: String, priceFactor: Double = 1) -> [DemoAsk] {
        homes.enumerated().map { index, home in
            // Evenly spread shares: the fractional position of the index in each share.
            let position = (Double(index) + 0.5) / Double(max(homes.count, 1))
            let rawSource = Self.jsonSource(of: home.region)
            let route: DemoAsk.Route
            if position >= settings.httpShare {
                route = .kafka
            } else if rawSource != nil, position < settings.httpShare * settings.rawRecordShare {
                route = .httpRawRecord
            } else {
                route = .httpFeatures
            }
            return DemoAsk(
                requestId: "demo-\(phase)-\(home.region.rawValue.lowercased())-\(index)",
                clientId: "client-\(home.index % settings.clients)",
                home: home, truePrice: home.price * priceFactor, route: route, rawSource: rawSource)
        }
    }

    /// The region's source whose records are JSON objects a client could send as they are.
    static func jsonSource(of region: ScenarioRegion) -> ScenarioSource? {
        ScenarioSource.sources(of: region).first { $0.format == .json }
    }
}
