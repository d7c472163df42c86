import Foundation
import Testing

@testable import ML

@Suite("Model fit and predict runners")
struct ModelRunnerTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ml-runner-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("Fit on a CSV with text columns, then predict the same rows from the saved model")
    func fitThenPredict() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var generator = SplitMix64(seed: 9)
        var lines = ["area,kind,extra,price"]
        for _ in 0..<600 {
            let area = 50 + generator.nextUniform() * 100
            let kind = ["flat", "house", "villa", "WD "][Int(generator.next() % 4)]
            let multiplier = ["flat": 1.0, "house": 1.5, "villa": 2.5, "WD ": 0.8][kind]!
            lines.append("\(area),\(kind),,\(Int(area * 1000 * multiplier))")
        }
        let csv = dir.appendingPathComponent("homes.csv").path
        try lines.joined(separator: "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let testRows = dir.appendingPathComponent("test.txt").path
        try (0..<100).map { String($0 * 6) }.joined(separator: "\n").write(toFile: testRows, atomically: true, encoding: .utf8)
        let config = dir.appendingPathComponent("config.json").path
        try
            #"{"gbm": {"rounds": 150, "learningRate": 0.2, "minDataInLeaf": 5, "minDataPerCategory": 5}, "table": {"emptyAs": {"extra": "None"}}}"#
            .write(toFile: config, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("model.hpm").path
        let report = try ModelFitRunner.run(
            ModelFitOptions(
                csvPath: csv, target: "price", logTarget: true,
                testRowsPath: testRows, configPath: config, outputPath: out,
                checkpointPath: dir.appendingPathComponent("ckpt").path))
        #expect(report.categoricalFeatures == 2)
        #expect(report.summary.testRows == 100)
        let test = try #require(report.summary.metrics["testPrice"])
        #expect(test.mape < 0.05)
        #expect(report.summary.intervalCoverage != nil)
        let predictions = try ModelPredictRunner.run(modelPath: out, csvPath: csv)
        #expect(predictions.count == 600)
        #expect(predictions.allSatisfy { ($0.lower ?? 0) <= $0.value && $0.value <= ($0.upper ?? .infinity) })
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("ckpt").path))
    }

    @Test("configs/model/gbm.json states exactly the built-in defaults; unknown keys are rejected")
    func defaultsFile() throws {
        let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let loaded = try ModelFitConfig.load(path: root.appendingPathComponent("configs/model/gbm.json").path)
        #expect(loaded == ModelFitConfig())
        for name in ["bench-ames.json", "bench-scale.json"] {
            try ModelFitConfig.load(path: root.appendingPathComponent("configs/model/\(name)").path).validate()
        }
        #expect(throws: (any Error).self) { try JSONDecoder().decode(GBMConfig.self, from: Data(#"{"learningRat": 0.1}"#.utf8)) }
    }

    @Test("A bad test-row list is a typed error naming the line")
    func badRowList() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("rows.txt").path
        try "1\n2\n99\n".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ModelFitRunner.readRowList(path: path, rowCount: 10)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidValue)
            #expect(error.input.row == 2)
        }
    }

    @Test("Interval options override the config: quantile models bracket the point; conformal needs held-out rows")
    func intervalOptions() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var generator = SplitMix64(seed: 4)
        var lines = ["area,price"]
        for _ in 0..<400 {
            let area = 50 + generator.nextUniform() * 100
            lines.append("\(area),\(area * 1000 * (0.8 + 0.4 * generator.nextUniform()))")
        }
        let csv = dir.appendingPathComponent("homes.csv").path
        try lines.joined(separator: "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let config = dir.appendingPathComponent("config.json").path
        try #"{"gbm": {"rounds": 60, "minDataInLeaf": 5}, "holdoutFraction": 0, "interval": {"method": "none"}}"#
            .write(toFile: config, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("model.hpm").path
        _ = try ModelFitRunner.run(
            ModelFitOptions(
                csvPath: csv, target: "price", configPath: config, outputPath: out, intervalMethod: "quantile",
                intervalCoverage: 0.9))
        let model = try ModelFile.readModel(from: out)
        #expect(model.interval == .quantile(coverage: 0.9))
        let predictions = try ModelPredictRunner.run(modelPath: out, csvPath: csv)
        #expect(predictions.allSatisfy { p in p.lower.map { $0 <= p.value } == true && p.upper.map { $0 >= p.value } == true })
        #expect(throws: MLError.self) {
            try ModelFitRunner.run(
                ModelFitOptions(csvPath: csv, target: "price", configPath: config, outputPath: out, intervalMethod: "conformal"))
        }
    }
}
