import Foundation

/// The library side of `homeprice model fit`: reads the CSV, holds out test
/// rows, trains the point model (and interval models and the ridge baseline),
/// writes the model file and returns the metrics.
public enum ModelFitRunner {
    /// Runs a fit as the command line describes it.
    public static func run(_ options: ModelFitOptions) throws(MLError) -> FitReport {
        var config = try options.configPath.map { path throws(MLError) in try ModelFitConfig.load(path: path) } ?? ModelFitConfig()
        config.logTarget = config.logTarget || options.logTarget
        if let method = options.intervalMethod { config.interval.method = method }
        if let coverage = options.intervalCoverage { config.interval.coverage = coverage }
        let table = try CSVTable.read(path: options.csvPath)
        let data = try TableEncoder.infer(table, target: options.target, options: config.table)
        let testRows = try options.testRowsPath.map { path throws(MLError) in try readRowList(path: path, rowCount: data.rowCount) } ?? []
        var checkpoint: Checkpoint?
        if options.resume, let path = options.checkpointPath, FileManager.default.fileExists(atPath: path) {
            checkpoint = try ModelFile.readCheckpoint(from: path)
        }
        let model = try fit(data, target: options.target, testRows: testRows, config: config, resumingFrom: checkpoint) {
            epoch throws(MLError) in
            if let path = options.checkpointPath { try ModelFile.write(epoch.checkpoint, to: path) }
            return .proceed
        }
        try ModelFile.write(model, to: options.outputPath)
        return FitReport(
            model: options.outputPath, features: model.features.count,
            categoricalFeatures: model.features.filter { $0.kind == .categorical }.count,
            summary: model.summary)
    }

    /// Trains a ``PriceModel`` on `data` minus `testRows`, and measures it on `testRows`.
    public static func fit(
        _ data: Dataset, target: String, testRows: Set<Int>, config: ModelFitConfig,
        resumingFrom checkpoint: Checkpoint? = nil,
        onEpoch: ((TrainingEpoch) throws(MLError) -> TrainingControl)? = nil
    ) throws(MLError) -> PriceModel {
        try config.validate()
        var data = data
        if config.logTarget {
            let y = try data.validatedTarget()
            if let bad = y.firstIndex(where: { $0 <= 0 }) {
                throw MLError(
                    .invalidTarget, "a log target needs positive values", input: .init(column: target, row: bad, value: "\(y[bad])"))
            }
            data.target = y.map { Foundation.log($0) }
        }
        _ = try data.validatedTarget()
        let trainRows = (0..<data.rowCount).filter { !testRows.contains($0) }
        guard !trainRows.isEmpty else { throw MLError(.emptyData, "every row is a test row") }

        // Held-out rows for early stopping and conformal calibration: a seeded sample of the training rows.
        let wantsHoldout =
            config.holdoutFraction > 0
            && (config.gbm.earlyStoppingRounds > 0 || config.interval.method == "conformal")
        var generator = SplitMix64(seed: config.gbm.seed ^ 0x5851_F42D_4C95_7F2D)
        let holdoutSet =
            wantsHoldout
            ? Set(trainRows.filter { _ in generator.nextUniform() < config.holdoutFraction })
            : []
        let fitRows = trainRows.filter { !holdoutSet.contains($0) }
        let holdoutRows = trainRows.filter { holdoutSet.contains($0) }
        let train = data.subset(rows: fitRows)
        let holdout = holdoutRows.isEmpty ? nil : data.subset(rows: holdoutRows)

        let start = Date()
        let result = try GBMTrainer.train(
            train: train, valid: config.gbm.earlyStoppingRounds > 0 ? holdout : nil,
            config: config.gbm, resumingFrom: checkpoint, onEpoch: onEpoch)

        var interval = PriceModel.Interval.none
        var lower: GBMModel?, upper: GBMModel?
        switch config.interval.method {
        case "quantile":
            var low = config.gbm, high = config.gbm
            low.loss = "quantile"
            low.quantileAlpha = (1 - config.interval.coverage) / 2
            high.loss = "quantile"
            high.quantileAlpha = (1 + config.interval.coverage) / 2
            low.earlyStoppingRounds = 0
            high.earlyStoppingRounds = 0
            lower = try GBMTrainer.train(train: train, config: low).model
            upper = try GBMTrainer.train(train: train, config: high).model
            interval = .quantile(coverage: config.interval.coverage)
        case "conformal":
            if let holdout, let y = holdout.target {
                let predicted = try ForestPredictor(result.model).predict(holdout)
                let residuals = zip(y, predicted).map { abs($0 - $1) }.sorted()
                let rank = min(residuals.count, Int((Double(residuals.count + 1) * config.interval.coverage).rounded(.up)))
                interval = .conformal(coverage: config.interval.coverage, halfWidth: residuals[max(0, rank - 1)])
            }
        default:
            break
        }
        let baseline = try config.ridgeLambda.map { lambda throws(MLError) in
            try RidgeRegression.fit(train, lambda: lambda, directSolveMaxColumns: config.ridgeDirectSolveMaxColumns)
        }
        // Everything trained: the point model, the interval models and the baseline.
        let seconds = Date().timeIntervalSince(start)

        var model = PriceModel(
            target: target, targetTransform: config.logTarget ? .log : .identity, table: config.table, point: result.model,
            lower: lower, upper: upper, interval: interval, baseline: baseline,
            summary: TrainingSummary(
                rows: fitRows.count, heldOutRows: holdoutRows.count, testRows: testRows.count,
                target: train.target ?? [], roundsRun: result.roundsRun, bestRound: result.bestRound,
                trainingSeconds: seconds, metrics: [:], intervalCoverage: nil))
        let trainPredicted = try ForestPredictor(result.model).predict(train)
        model.summary.metrics["train"] = RegressionMetrics(actual: train.target ?? [], predicted: trainPredicted)
        if !testRows.isEmpty {
            let test = data.subset(rows: testRows.sorted())
            let actual = test.target ?? []
            let predictions = try model.predict(test)
            let raw = try ForestPredictor(result.model).predict(test)
            model.summary.metrics["test"] = RegressionMetrics(actual: actual, predicted: raw)
            model.summary.metrics["testPrice"] = RegressionMetrics(
                actual: actual.map(model.untransform),
                predicted: predictions.map(\.value))
            if let baseline {
                model.summary.metrics["baselineTest"] = RegressionMetrics(actual: actual, predicted: try baseline.predict(test))
            }
            if interval != .none {
                let inside = zip(actual.map(model.untransform), predictions).filter { y, p in
                    (p.lower ?? -.infinity) <= y && y <= (p.upper ?? .infinity)
                }.count
                model.summary.intervalCoverage = Double(inside) / Double(max(1, actual.count))
            }
        }
        return model
    }

    /// Reads 0-based row indices, one per line (blank lines ignored).
    public static func readRowList(path: String, rowCount: Int) throws(MLError) -> Set<Int> {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw MLError(.io, "cannot read row list: \(error.localizedDescription)", input: .init(path: path))
        }
        var rows = Set<Int>()
        for (line, token) in text.split(whereSeparator: \.isNewline).enumerated() where !token.isEmpty {
            guard let row = Int(token), row >= 0, row < rowCount else {
                throw MLError(.invalidValue, "not a row index of the data", input: .init(path: path, row: line, value: String(token)))
            }
            rows.insert(row)
        }
        return rows
    }
}
