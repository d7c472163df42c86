/// The inputs of `homeprice model fit`.
public struct ModelFitOptions: Sendable {
    /// The training CSV.
    public var csvPath: String
    /// The target column.
    public var target: String
    /// Train on the logarithm of the target (in addition to the config's `logTarget`).
    public var logTarget: Bool
    /// A file of 0-based data-row indices to hold out as the test set.
    public var testRowsPath: String?
    /// The model config file; `nil` uses the built-in defaults.
    public var configPath: String?
    /// Where to write the model.
    public var outputPath: String
    /// Where to write a checkpoint every `epochRounds` rounds.
    public var checkpointPath: String?
    /// Resume from the checkpoint at `checkpointPath` if it exists.
    public var resume: Bool
    /// Overrides the config's interval method (`none`, `quantile` or `conformal`).
    public var intervalMethod: String?
    /// Overrides the config's interval coverage, in (0, 1).
    public var intervalCoverage: Double?

    public init(
        csvPath: String, target: String, logTarget: Bool = false, testRowsPath: String? = nil,
        configPath: String? = nil, outputPath: String, checkpointPath: String? = nil, resume: Bool = false,
        intervalMethod: String? = nil, intervalCoverage: Double? = nil
    ) {
        self.csvPath = csvPath
        self.target = target
        self.logTarget = logTarget
        self.testRowsPath = testRowsPath
        self.configPath = configPath
        self.outputPath = outputPath
        self.checkpointPath = checkpointPath
        self.resume = resume
        self.intervalMethod = intervalMethod
        self.intervalCoverage = intervalCoverage
    }
}
