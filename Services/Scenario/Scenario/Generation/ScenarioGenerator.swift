import Foundation

/// Generates the scenario: homes, every source's raw material and the ground truth.
///
/// Each home appears in one to three of its region's sources (45 % one, 35 % two, 20 % three,
/// at most as many as the region has), each time structured and worded the source's way, with
/// missing fields and typos (see ``RecordNoise``). Output, inside ``Parameters/output``:
///
/// - the raw material at each ``ScenarioSource/relativePath``;
/// - `ground-truth.jsonl`: one ``GroundTruthEntry`` per raw record;
/// - `manifest.json`: the ``ScenarioManifest``.
///
/// Everything streams: memory stays flat from hundreds to millions of homes. The same seed
/// and home count always give byte-identical output.
public struct ScenarioGenerator: Sendable {
    /// What to generate.
    public struct Parameters: Sendable, Equatable {
        /// The seed of every random choice.
        public var seed: UInt64
        /// How many homes.
        public var homes: Int
        /// The folder to write into; created if missing.
        public var output: URL
        /// The folder holding ames.csv, saratoga.csv and windsor.csv.
        public var seedData: URL
        /// How many records each dropped government file holds.
        public var recordsPerDropFile: Int

        /// Creates parameters.
        public init(seed: UInt64, homes: Int, output: URL, seedData: URL, recordsPerDropFile: Int = 1_000) {
            self.seed = seed
            self.homes = homes
            self.output = output
            self.seedData = seedData
            self.recordsPerDropFile = recordsPerDropFile
        }
    }

    /// The parameters.
    public let parameters: Parameters

    /// Creates a generator.
    public init(parameters: Parameters) {
        self.parameters = parameters
    }

    /// Writes the scenario and returns its manifest.
    public func generate() throws(ScenarioError) -> ScenarioManifest {
        guard parameters.homes > 0 else {
            throw ScenarioError(code: .invalidParameter, reason: "the number of homes must be positive", input: "homes")
        }
        guard parameters.recordsPerDropFile > 0 else {
            throw ScenarioError(code: .invalidParameter, reason: "records per drop file must be positive", input: "recordsPerDropFile")
        }
        let seedHomes = try SeedDataLoader.load(from: parameters.seedData)
        var factory = HomeFactory(seed: parameters.seed, seedHomes: seedHomes)
        let writers = Dictionary(
            uniqueKeysWithValues: ScenarioSource.allCases.map {
                ($0, SourceFileWriter(source: $0, root: parameters.output, recordsPerFile: parameters.recordsPerDropFile))
            })
        let groundTruth = try BufferedFile(url: parameters.output.appendingPathComponent("ground-truth.jsonl"))
        let encoder = LineEncoder()
        var manifest = ScenarioManifest(
            seed: parameters.seed, homes: parameters.homes, homesPerRegion: [:],
            recordsPerSource: Dictionary(uniqueKeysWithValues: ScenarioSource.allCases.map { ($0.id, 0) }),
            paths: Dictionary(uniqueKeysWithValues: ScenarioSource.allCases.map { ($0.id, $0.relativePath) }))

        for index in 0..<parameters.homes {
            let home = factory.home(at: index)
            manifest.homesPerRegion[home.region.rawValue, default: 0] += 1
            var random = SplitMix64(seed: parameters.seed ^ 0x50_0CE5).derived(UInt64(index))
            let sources = Self.chooseSources(for: home.region, random: &random)
            let cluster = sources.map { "\($0.id)/\($0.recordId(for: home))" }
            let canonical = home.canonical
            for source in sources {
                let recordId = source.recordId(for: home)
                var noise = RecordNoise(random: random.derived(UInt64(source.id.hashValueStable)))
                try writers[source]?.append(source.render(home, recordId: recordId, noise: &noise))
                manifest.recordsPerSource[source.id, default: 0] += 1
                let stated = HomeFact.allCases.filter { fact in
                    source.facts.contains(fact) && !noise.leftOut.contains(fact) && fact.isStated(in: canonical)
                }
                let entry = GroundTruthEntry(
                    sourceId: source.id, recordId: recordId, homeId: home.id, cluster: cluster, home: canonical, statedFacts: stated)
                try groundTruth.write(encoder.encodeLine(entry) + "\n")
            }
        }
        for writer in writers.values { try writer.finish() }
        try groundTruth.close()
        let manifestFile = try BufferedFile(url: parameters.output.appendingPathComponent("manifest.json"))
        try manifestFile.write(encoder.encodeLine(manifest) + "\n")
        try manifestFile.close()
        return manifest
    }

    /// One to three distinct sources of `region`.
    static func chooseSources(for region: ScenarioRegion, random: inout SplitMix64) -> [ScenarioSource] {
        let candidates = ScenarioSource.sources(of: region).shuffled(using: &random)
        let count = min(1 + random.weightedIndex([0.45, 0.35, 0.2]), candidates.count)
        return Array(candidates.prefix(count)).sorted { $0.rawValue < $1.rawValue }
    }
}
