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
        @Option(help: "Write a checkpoint here every epoch.") var checkpoint: String?
        @Flag(help: "Resume from --checkpoint if it exists.") var resume = false
        @Option(help: "Where to write the model.") var out: String

        func run() async throws {
            let report = try ModelFitRunner.run(
                ModelFitOptions(
                    csvPath: csv, target: target, logTarget: logTarget, testRowsPath: testRows, configPath: config,
                    outputPath: out, checkpointPath: checkpoint, resume: resume))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        }
    }

    /// `homeprice model predict`
    struct Predict: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print one prediction per CSV row (value, and interval ends when the model has them).")

        @Option(help: "The model file.") var model: String
        @Option(help: "The CSV file to predict.") var csv: String

        func run() async throws {
            for prediction in try ModelPredictRunner.run(modelPath: model, csvPath: csv) {
                if let lower = prediction.lower, let upper = prediction.upper {
                    print("\(prediction.value),\(lower),\(upper)")
                } else {
                    print(prediction.value)
                }
            }
        }
    }
}
