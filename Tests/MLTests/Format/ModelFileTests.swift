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

    /// A model of the test forest with its ridge baseline, and the data it was trained on.
    private func modelWithBaseline() throws -> (PriceModel, Dataset) {
        let (gbm, data) = try ForestPredictorTests.model()
        let model = PriceModel(
            target: "y", targetTransform: .log, table: TableOptions(), point: gbm, baseline: try RidgeRegression.fit(data, lambda: 1),
            summary: TrainingSummary(
                rows: data.rowCount, heldOutRows: 0, testRows: 0, target: data.target!, roundsRun: 50, bestRound: 50,
                trainingSeconds: 0.5, metrics: [:], intervalCoverage: nil))
        return (model, data)
    }

    @Test("Every flipped bit (a sample of 400 across the file) is a damaged-file error, never a different model")
    func flippedBitsAreDetected() throws {
        let (model, _) = try modelWithBaseline()
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ModelFile.write(model, to: path)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        var generator = SplitMix64(seed: 9)
        var undetected: [Int] = []
        for trial in 0..<400 {
            // The first 24 bytes (magic, version, checksum, header length) once each, then random bits.
            let bit = trial < 192 ? trial : Int.random(in: 0..<(original.count * 8), using: &generator)
            var damaged = original
            damaged[bit / 8] ^= UInt8(1 << (bit % 8))
            try damaged.write(to: URL(fileURLWithPath: path))
            do {
                _ = try ModelFile.readModel(from: path)
                undetected.append(bit)
            } catch {
                #expect(error.code == .invalidModelFile)
            }
        }
        #expect(undetected.isEmpty, "bits \(undetected) were flipped without an error")
    }

    @Test("The checksum is the standard CRC-32 (zlib's), as docs/model-format.md says")
    func checksumIsStandardCRC32() {
        #expect(Array("123456789".utf8).withUnsafeBytes { CRC32.checksum($0) } == 0xCBF4_3926)
    }

    @Test("A version 1 file (no checksum) still loads; a version 1 file with a non-zero checksum field is damaged")
    func versionOneFilesLoad() throws {
        let (model, data) = try modelWithBaseline()
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ModelFile.write(model, to: path)
        var file = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(file[8] == 2, "this build writes version 2")
        let checksum = file[12..<16]
        file.replaceSubrange(8..<16, with: [1, 0, 0, 0, 0, 0, 0, 0])
        try file.write(to: URL(fileURLWithPath: path))
        #expect(try ModelFile.readModel(from: path).predict(data) == (try model.predict(data)))
        file.replaceSubrange(12..<16, with: checksum)
        try file.write(to: URL(fileURLWithPath: path))
        #expect(throws: MLError.self) { try ModelFile.readModel(from: path) }
    }
}
