import ArgumentParser
import Foundation
import ML

/// `homeprice model`: train a price model from a CSV file, or predict with one.
struct ModelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Train a gradient-boosted price model on a CSV file, or predict with one.",
        subcommands: [Fit.self, Predict.self])

    /// `homeprice model fit`
    struct Fit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train on a CSV file (column types inferred) and print metrics as JSON.")

        @Option(help: "The training CSV file.") var csv: String
        @Option(help: "The column to predict.") var target: String
        @Flag(help: "Train on the natural logarithm of the target.") var logTarget = false
        @Option(help: "A file of 0-based data-row indices held out as the test set.") var testRows: String?
        @Option(help: "A model config file (configs/model/gbm.json).") var config: String?
        @Option(
            help: ArgumentHelp(
                "Prediction intervals: none, quantile (two quantile-loss models) or conformal (calibrated on held-out rows); overrides the config.",
                valueName: "method"))
        var interval: String?
        @Option(help: "Interval coverage in (0, 1), e.g. 0.8 for 10th–90th percentiles; overrides the config.") var coverage: Double?
        @Option(help: "Write a checkpoint here every epoch.") var checkpoint: String?
        @Flag(help: "Resume from --checkpoint if it exists.") var resume = false
        @Option(help: "Where to write the model.") var out: String

        func run() async throws {
            let report = try ModelFitRunner.run(
                ModelFitOptions(
                    csvPath: csv, target: target, logTarget: logTarget, testRowsPath: testRows, configPath: config,
                    outputPath: out, checkpointPath: checkpoint, resume: resume, intervalMethod: interval,
                    intervalCoverage: coverage))
            print(try ModelCommand.json(report, pretty: true))
        }
    }

    /// `homeprice model predict`
    struct Predict: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print one prediction per CSV row (value, and interval ends when the model has them).",
            discussion: """
                With --explain, prints one JSON object per row instead: the prediction, its raw (model-scale) \
                value, the base value and the largest TreeSHAP feature contributions; \
                baseValue + Σ top contributions + otherContributions = raw.
                """)

        @Option(help: "The model file.") var model: String
        @Option(help: "The CSV file to predict.") var csv: String
        @Flag(help: "Print each row's largest feature contributions (TreeSHAP) as JSON lines.") var explain = false
        @Option(help: "Contributions shown per row with --explain.") var top = 5

        func validate() throws {
            guard top >= 0 else { throw ValidationError("--top must not be negative") }
        }

        func run() async throws {
            if explain {
                for explanation in try ModelPredictRunner.explain(modelPath: model, csvPath: csv, top: top) {
                    print(try ModelCommand.json(explanation, pretty: false))
                }
                return
            }
            for prediction in try ModelPredictRunner.run(modelPath: model, csvPath: csv) {
                if let lower = prediction.lower, let upper = prediction.upper {
                    print("\(prediction.value),\(lower),\(upper)")
                } else {
                    print(prediction.value)
                }
            }
        }
    }

    /// Encodes a value as JSON with sorted keys (non-finite numbers as strings).
    static func json(_ value: some Encodable, pretty: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys] : [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
