import Foundation

/// Homes of a scenario's market that none of its sources published: the homes after the
/// scenario's last one, drawn from the same seed and the same seed data, so they look like the
/// homes the models were trained on without being any of them.
///
/// The main job sends them as prediction requests and, later, their true sale prices as
/// feedback; the market shift sells some of them through a new agency, beside the scenario's own
/// homes (``published``) sold again.
public struct HeldOutHomes: Sendable {
    /// The scenario's own homes, in order: the ones its sources published.
    public let published: [ScenarioHome]
    private var factory: HomeFactory
    private var next: Int

    /// Starts after the first `scenarioHomes` homes of the scenario of `seed`.
    ///
    /// - Parameter seedData: The folder with ames.csv, saratoga.csv and windsor.csv.
    /// - Throws: ``ScenarioError`` when the seed data cannot be read.
    public init(seed: UInt64, scenarioHomes: Int, seedData: URL) throws(ScenarioError) {
        factory = HomeFactory(seed: seed, seedHomes: try SeedDataLoader.load(from: seedData))
        // The factory draws North American rows without replacement: walk past the scenario's
        // homes so the held-out ones are the next rows, exactly as a larger scenario has them.
        var published: [ScenarioHome] = []
        published.reserveCapacity(scenarioHomes)
        for index in 0..<scenarioHomes { published.append(factory.home(at: index)) }
        self.published = published
        next = scenarioHomes
    }

    /// The next `count` held-out homes of `region` that satisfy `condition`, in order.
    /// - Throws: ``ScenarioError`` when 1,000 draws per home wanted found too few (a condition
    ///   the market never meets, such as homes built in the future).
    public mutating func take(
        _ count: Int, of region: ScenarioRegion, where condition: (ScenarioHome) -> Bool = { _ in true }
    ) throws(ScenarioError) -> [ScenarioHome] {
        var homes: [ScenarioHome] = []
        let limit = next + max(count, 1) * 1_000
        while homes.count < count {
            guard next < limit else {
                throw ScenarioError(
                    code: .invalidParameter, reason: "only \(homes.count) of \(count) \(region.rawValue) homes met the condition",
                    input: "held-out homes")
            }
            let home = factory.home(at: next)
            next += 1
            if home.region == region, condition(home) { homes.append(home) }
        }
        return homes
    }
}
