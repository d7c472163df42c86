import ArgumentParser
import Foundation
import ML
import ServiceSupport

/// `homeprice bench training`: this engine against LightGBM and XGBoost (not a timed test).
///
/// Default paths are relative to the project root (``ProjectLayout``), so the
/// command works from any directory; paths given as options are taken as typed.
struct BenchTrainingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training",
        abstract: "Train on Ames and on 1M synthetic rows; compare with LightGBM and XGBoost.")

    @Option(help: "Folder with ames.csv and ames_test_rows.txt (default: ../shared/data from the project root).")
    var data: String?
    @Option(help: "Config of the Ames run (default: configs/model/bench-ames.json).") var amesConfig: String?
    @Option(help: "Config of the 1M-row run (default: configs/model/bench-scale.json).") var scaleConfig: String?
    @Option(help: "Python with numpy, lightgbm and xgboost (default: the project's .venv/bin/python).") var python: String?
    @Option(help: "The reference script (default: scripts/bench/training_reference.py).") var referenceScript: String?
    @Flag(help: "Skip the Python reference side.") var swiftOnly = false
    @Flag(help: "Print one JSON object with every figure and ratio.") var json = false

    func run() async throws {
        let layout = ProjectLayout.current()
        /// The option's value, or `fallback` under the project root.
        func path(_ given: String?, _ fallback: String) throws -> String {
            if let given { return given }
            guard let layout else {
                throw ValidationError("no project root found (configs/pipeline.yaml); set HOMEPRICE_ROOT or pass every path")
            }
            return layout.root.appendingPathComponent(fallback).standardizedFileURL.path
        }
        let folder = try path(data, "../shared/data")
        let report = try TrainingBenchmark.run(
            .init(
                amesCSV: "\(folder)/ames.csv", amesTestRows: "\(folder)/ames_test_rows.txt",
                amesConfig: try path(amesConfig, "configs/model/bench-ames.json"),
                scaleConfig: try path(scaleConfig, "configs/model/bench-scale.json"),
                python: swiftOnly ? nil : try path(python, ".venv/bin/python"),
                referenceScript: try path(referenceScript, "scripts/bench/training_reference.py")))
        if json {
            try BenchJSON.print(report)
        } else {
            print(report.text)
        }
    }
}
