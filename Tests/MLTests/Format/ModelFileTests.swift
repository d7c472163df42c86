import Foundation
import Testing

@testable import ML

@Suite("Model file")
struct ModelFileTests {
    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("model-\(UInt64.random(in: 0...UInt64.max)).hpm").path
    }

    @Test("Save and load round-trips the trees, bins and description exactly")
    func roundTrip() throws {
        let (gbm, data) = try ForestPredictorTests.model()
        let model = PriceModel(
            target: "y", targetTransform: .log, table: TableOptions(emptyAs: ["c": "p"]), point: gbm,
            interval: .conformal(coverage: 0.8, halfWidth: 0.125),
            baseline: try RidgeRegression.fit(data, lambda: 1),
            summary: TrainingSummary(
                rows: data.rowCount, heldOutRows: 0, testRows: 0, target: data.target!,
                roundsRun: 50, bestRound: 50, trainingSeconds: 0.5, metrics: [:],
                intervalCoverage: nil))
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ModelFile.write(model, to: path)
        let loaded = try ModelFile.readModel(from: path)
        #expect(loaded.point.trees == gbm.trees)
        #expect(loaded.point.mappers == gbm.mappers)
        #expect(loaded.point.initScore == gbm.initScore)
        #expect(loaded.point.config == gbm.config)
        #expect(loaded.features == gbm.features)
        #expect(loaded.interval == model.interval)
        #expect(loaded.summary == model.summary)
        #expect(try loaded.predict(data) == (try model.predict(data)))
    }

    @Test("Attachments are read back exactly, and a model without them writes no attachments key")
    func attachments() throws {
        let (gbm, data) = try ForestPredictorTests.model()
        let summary = TrainingSummary(
            rows: data.rowCount, heldOutRows: 0, testRows: 0, target: data.target!, roundsRun: 50, bestRound: 50,
            trainingSeconds: 0, metrics: [:], intervalCoverage: nil)
        let documents = ["features": #"{"levels":["a","ü \"q\""],"median":0.1}"#, "empty": ""]
        let with = PriceModel(
            target: "y", targetTransform: .identity, table: TableOptions(), point: gbm, summary: summary,
            attachments: documents)
        let without = PriceModel(target: "y", targetTransform: .identity, table: TableOptions(), point: gbm, summary: summary)
        let path = temporaryPath(), plainPath = temporaryPath()
        defer {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: plainPath)
        }
        try ModelFile.write(with, to: path)
        try ModelFile.write(without, to: plainPath)
        #expect(try ModelFile.readModel(from: path).attachments == documents)
        #expect(try ModelFile.readModel(from: plainPath).attachments.isEmpty)
        let plainBytes = try Data(contentsOf: URL(fileURLWithPath: plainPath))
        #expect(plainBytes.range(of: Data("attachments".utf8)) == nil)
    }

    @Test("A file that is not a model is a typed error")
    func garbage() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("definitely not a model".utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try ModelFile.readModel(from: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidModelFile)
        }
        #expect(throws: MLError.self) { try ModelFile.readModel(from: path + ".missing") }
    }
}
