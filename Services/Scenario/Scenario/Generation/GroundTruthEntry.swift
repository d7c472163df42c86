import Schema

/// One line of `ground-truth.jsonl`: a raw record and the true home behind it.
public struct GroundTruthEntry: Codable, Sendable, Equatable {
    /// The source id.
    public var sourceId: String
    /// The record id within the source.
    public var recordId: String
    /// The id of the true home, which names its duplicate cluster.
    public var homeId: String
    /// Every record key (`source/recordId`) of the same home, this one included.
    public var cluster: [String]
    /// The canonical home the normalizer should produce.
    public var home: Home
    /// The facts of ``home`` this record states, in ``HomeFact`` order: those its source
    /// carries (``ScenarioSource/facts``) that the home has, less any the record left out.
    public var statedFacts: [HomeFact]

    /// The record key, `source/recordId`, as on `homes.raw`.
    public var key: String { "\(sourceId)/\(recordId)" }

    /// Creates an entry.
    public init(sourceId: String, recordId: String, homeId: String, cluster: [String], home: Home, statedFacts: [HomeFact]) {
        self.sourceId = sourceId
        self.recordId = recordId
        self.homeId = homeId
        self.cluster = cluster
        self.home = home
        self.statedFacts = statedFacts
    }
}
