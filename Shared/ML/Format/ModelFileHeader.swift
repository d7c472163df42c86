/// The JSON header of a model file (see `docs/model-format.md`).
struct ModelFileHeader: Codable {
    /// One tree ensemble: settings, bins and where its tree arrays are.
    struct Forest: Codable {
        var loss: String
        var config: GBMConfig
        var initScore: Double
        var mappers: [BinMapper]
        var treeCount: Int
        var arrays: [String: BinaryBlobs.Reference]
    }

    struct Interval: Codable {
        var method: String
        var coverage: Double?
        var halfWidth: Double?
    }

    struct CheckpointState: Codable {
        var completedRounds: Int
        var validHistory: [Double]
        var trainingRows: Int
    }

    var format = ModelFile.formatName
    var formatVersion = ModelFile.formatVersion
    /// `model` or `checkpoint`.
    var kind: String
    var target: String?
    var targetTransform: PriceModel.TargetTransform?
    var table: TableOptions?
    var features: [FeatureInfo]
    /// `point`, and `lower`/`upper` for quantile intervals.
    var forests: [String: Forest]
    var interval: Interval?
    var baseline: RidgeRegression?
    var summary: TrainingSummary?
    var checkpoint: CheckpointState?
    /// Named JSON documents carried for other modules (``PriceModel/attachments``); absent when there are none.
    var attachments: [String: String]?
}
