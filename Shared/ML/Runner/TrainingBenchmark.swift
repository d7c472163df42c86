import Foundation

/// `homeprice bench training`: this engine against LightGBM and XGBoost on
/// Ames and on the 1M-row synthetic set, in one run.
///
/// The Swift side runs first (the scale run before everything else, so the
/// process's peak memory is that run's); the Python reference script then
/// trains the libraries in child processes with the same settings.
public enum TrainingBenchmark {
    /// Where the data, configs and reference script are.
    public struct Options: Sendable {
        public var amesCSV: String
        public var amesTestRows: String
        public var amesConfig: String
        public var scaleConfig: String
        /// The Python interpreter with numpy, lightgbm and xgboost; `nil` skips the reference side.
        public var python: String?
        public var referenceScript: String
        public var scaleRows: Int
        public var holdoutRows: Int

        public init(
            amesCSV: String, amesTestRows: String, amesConfig: String, scaleConfig: String, python: String?,
            referenceScript: String, scaleRows: Int = SyntheticData.trainingRows,
            holdoutRows: Int = SyntheticData.holdoutRows
        ) {
            self.amesCSV = amesCSV
            self.amesTestRows = amesTestRows
            self.amesConfig = amesConfig
            self.scaleConfig = scaleConfig
            self.python = python
            self.referenceScript = referenceScript
            self.scaleRows = scaleRows
            self.holdoutRows = holdoutRows
        }
    }

    /// Runs both benchmarks and returns every figure and ratio.
    public static func run(_ options: Options) throws(MLError) -> BenchmarkReport {
        var report = BenchmarkReport()
        report.figures["scale.swift"] = try scale(options)
        report.figures["ames.swift"] = try ames(options)
        if let python = options.python {
            let amesReference = try reference(
                python: python,
                arguments: [
                    options.referenceScript, "ames", "--csv", options.amesCSV, "--test-rows", options.amesTestRows,
                ])
            let scaleReference = try reference(
                python: python,
                arguments: [
                    options.referenceScript, "synthetic", "--rows", "\(options.scaleRows)", "--holdout", "\(options.holdoutRows)",
                ])
            for library in ["lightgbm", "xgboost"] {
                report.figures["ames.\(library)"] = amesReference[library]
                report.figures["scale.\(library)"] = scaleReference[library]
            }
        }
        report.computeRatios()
        return report
    }

    private static func ames(_ options: Options) throws(MLError) -> [String: Double] {
        let config = try ModelFitConfig.load(path: options.amesConfig)
        let table = try CSVTable.read(path: options.amesCSV)
        let data = try TableEncoder.infer(table, target: "Sale_Price", options: config.table)
        let test = try ModelFitRunner.readRowList(path: options.amesTestRows, rowCount: data.rowCount)
        let model = try ModelFitRunner.fit(data, target: "Sale_Price", testRows: test, config: config)
        let logScale = model.summary.metrics["test"], price = model.summary.metrics["testPrice"]
        return [
            "rmse": logScale?.rmse ?? .nan, "mae": logScale?.mae ?? .nan, "mae_price": price?.mae ?? .nan,
            "mape": price?.mape ?? .nan, "train_seconds": model.summary.trainingSeconds,
            "baseline_ridge_rmse": model.summary.metrics["baselineTest"]?.rmse ?? .nan,
        ]
    }

    private static func scale(_ options: Options) throws(MLError) -> [String: Double] {
        let config = try ModelFitConfig.load(path: options.scaleConfig).gbm
        let start = Date()
        let result: TrainingResult
        do {
            // The training rows live only in this scope, as they would in a trainer.
            let train = SyntheticData.dataset(rows: 0..<options.scaleRows)
            result = try GBMTrainer.train(train: train, config: config)
        }
        let seconds = Date().timeIntervalSince(start)
        let peak = peakMemoryMiB()
        let holdout = SyntheticData.dataset(rows: options.scaleRows..<(options.scaleRows + options.holdoutRows))
        let predictor = ForestPredictor(result.model)
        var clock = Date()
        let predicted = try predictor.predict(holdout)
        let batchSeconds = Date().timeIntervalSince(clock)
        let rowMajor = (0..<holdout.rowCount).flatMap { holdout.row($0) }
        let d = holdout.featureCount
        var sink = 0.0
        clock = Date()
        rowMajor.withUnsafeBufferPointer { rows in
            for r in 0..<holdout.rowCount { sink += predictor.predict(row: rows.baseAddress! + r * d) }
        }
        let singleThreadSeconds = Date().timeIntervalSince(clock)
        let metrics = RegressionMetrics(actual: holdout.target ?? [], predicted: predicted)
        return [
            "rmse": metrics.rmse, "mae": metrics.mae, "train_seconds": seconds, "peak_memory_mib": peak,
            "predictions_per_second_2_threads": Double(holdout.rowCount) / batchSeconds,
            "predictions_per_second_1_thread": Double(holdout.rowCount) / singleThreadSeconds,
            "single_row_microseconds": singleThreadSeconds / Double(holdout.rowCount) * 1e6,
            "holdout_mean_prediction": sink / Double(max(1, holdout.rowCount)),
        ]
    }

    /// The process's peak resident memory (VmHWM), in MiB; NaN where /proc is not available.
    static func peakMemoryMiB() -> Double {
        ProcessMemory.peakResidentMiB
    }

    private static func reference(python: String, arguments: [String]) throws(MLError) -> [String: [String: Double]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            throw MLError(.io, "cannot start the reference script: \(error.localizedDescription)", input: .init(path: python))
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            throw MLError(
                .io, "the reference script failed (exit \(process.terminationStatus))",
                input: .init(path: arguments.first))
        }
        var result: [String: [String: Double]] = [:]
        for (library, value) in object {
            guard let figures = value as? [String: Any] else { continue }
            result[library] = figures.compactMapValues { ($0 as? NSNumber)?.doubleValue }
        }
        return result
    }
}
