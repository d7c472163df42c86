/// `manifest.json`: what a generation run produced.
public struct ScenarioManifest: Codable, Sendable, Equatable {
    /// The seed.
    public var seed: UInt64
    /// The number of homes.
    public var homes: Int
    /// Homes per region code.
    public var homesPerRegion: [String: Int]
    /// Records per source id.
    public var recordsPerSource: [String: Int]
    /// Where each source's raw material is, relative to the output folder.
    public var paths: [String: String]

    /// The total number of raw records.
    public var totalRecords: Int { recordsPerSource.values.reduce(0, +) }
}
