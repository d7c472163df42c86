import ArgumentParser
import Foundation
import ML

/// `homeprice bench training`: this engine against LightGBM and XGBoost (not a timed test).
struct BenchTrainingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training",
        abstract: "Train on Ames and on 1M synthetic rows; compare with LightGBM and XGBoost.")

    @Option(help: "Folder with ames.csv and ames_test_rows.txt.") var data = "../shared/data"
    @Option(help: "Config of the Ames run.") var amesConfig = "configs/model/bench-ames.json"
    @Option(help: "Config of the 1M-row run.") var scaleConfig = "configs/model/bench-scale.json"
    @Option(help: "Python with numpy, lightgbm and xgboost.") var python = ".venv/bin/python"
    @Option(help: "The reference script.") var referenceScript = "scripts/bench/training_reference.py"
    @Flag(help: "Skip the Python reference side.") var swiftOnly = false
    @Flag(help: "Print one JSON object with every figure and ratio.") var json = false

    func run() async throws {
        let report = try TrainingBenchmark.run(
            .init(
                amesCSV: "\(data)/ames.csv", amesTestRows: "\(data)/ames_test_rows.txt", amesConfig: amesConfig,
                scaleConfig: scaleConfig, python: swiftOnly ? nil : python, referenceScript: referenceScript))
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.text)
        }
    }
}
