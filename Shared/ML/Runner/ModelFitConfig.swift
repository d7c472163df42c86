import Foundation

/// The contents of a model config file (`configs/model/*.json`): training
/// hyperparameters, how to read the CSV, held-out rows, intervals, baseline.
///
/// A key left out keeps its default; an unknown key is an error.
public struct ModelFitConfig: Codable, Sendable, Equatable {
    /// Interval settings.
    public struct IntervalConfig: Codable, Sendable, Equatable {
        /// `none`, `quantile` (two quantile-loss models) or `conformal` (split conformal on held-out rows).
        public var method = "conformal"
        /// Target coverage, e.g. 0.8 for a 10th–90th percentile interval.
        public var coverage = 0.8

        public init() {}

        private enum CodingKeys: String, CodingKey, CaseIterable { case method, coverage }

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.allCases.map(\.stringValue), in: "interval")
            let c = try decoder.container(keyedBy: CodingKeys.self)
            method = try c.decodeIfPresent(String.self, forKey: .method) ?? method
            coverage = try c.decodeIfPresent(Double.self, forKey: .coverage) ?? coverage
        }
    }

    /// Gradient boosting hyperparameters.
    public var gbm = GBMConfig()
    /// How CSV cells are read.
    public var table = TableOptions()
    /// Train on the logarithm of the target (also settable with `--log-target`).
    public var logTarget = false
    /// Fraction of training rows held out for early stopping and conformal calibration (0 for none).
    public var holdoutFraction = 0.1
    /// Prediction intervals.
    public var interval = IntervalConfig()
    /// L2 penalty of the ridge baseline; `nil` skips the baseline.
    public var ridgeLambda: Double? = 1.0
    /// The expanded column count up to which the ridge baseline is solved directly (Cholesky,
    /// cubic in the columns); wider data is solved by conjugate gradients (linear in them).
    public var ridgeDirectSolveMaxColumns = RidgeRegression.standardDirectSolveMaxColumns

    public init() {}

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case gbm, table, logTarget, holdoutFraction, interval, ridgeLambda, ridgeDirectSolveMaxColumns
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.allCases.map(\.stringValue), in: "model config")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        gbm = try c.decodeIfPresent(GBMConfig.self, forKey: .gbm) ?? gbm
        table = try c.decodeIfPresent(TableOptions.self, forKey: .table) ?? table
        logTarget = try c.decodeIfPresent(Bool.self, forKey: .logTarget) ?? logTarget
        holdoutFraction = try c.decodeIfPresent(Double.self, forKey: .holdoutFraction) ?? holdoutFraction
        interval = try c.decodeIfPresent(IntervalConfig.self, forKey: .interval) ?? interval
        ridgeDirectSolveMaxColumns =
            try c.decodeIfPresent(Int.self, forKey: .ridgeDirectSolveMaxColumns) ?? ridgeDirectSolveMaxColumns
        if c.contains(.ridgeLambda) {
            ridgeLambda = try c.decodeIfPresent(Double.self, forKey: .ridgeLambda)
        }
    }

    /// Reads a config file.
    public static func load(path: String) throws(MLError) -> ModelFitConfig {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw MLError(.io, "cannot read config: \(error.localizedDescription)", input: .init(path: path))
        }
        do {
            return try JSONDecoder().decode(ModelFitConfig.self, from: data)
        } catch let error as MLError {
            throw MLError(error.code, error.reason, input: .init(path: path, column: error.input.column))
        } catch {
            throw MLError(.invalidConfiguration, "unreadable config: \(error)", input: .init(path: path))
        }
    }

    /// Throws a typed error naming the first setting out of range.
    public func validate() throws(MLError) {
        try gbm.validate()
        guard holdoutFraction >= 0 && holdoutFraction < 1 else {
            throw MLError(
                .invalidConfiguration, "setting out of range", input: .init(column: "holdoutFraction", value: "\(holdoutFraction)"))
        }
        guard ["none", "quantile", "conformal"].contains(interval.method) else {
            throw MLError(.invalidConfiguration, "unknown interval method", input: .init(column: "interval.method", value: interval.method))
        }
        guard interval.method != "conformal" || holdoutFraction > 0 else {
            throw MLError(
                .invalidConfiguration, "conformal intervals need held-out rows (holdoutFraction > 0)",
                input: .init(column: "holdoutFraction", value: "\(holdoutFraction)"))
        }
        guard interval.coverage > 0 && interval.coverage < 1 else {
            throw MLError(
                .invalidConfiguration, "setting out of range", input: .init(column: "interval.coverage", value: "\(interval.coverage)"))
        }
    }
}
