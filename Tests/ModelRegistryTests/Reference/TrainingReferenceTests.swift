import Foundation
import ML
import ModelRegistry
import Testing

@Suite("Training reference")
struct TrainingReferenceTests {
    @Test("Every feature's counts sum to the rows, on the model's own bins")
    func countsOnEngineBins() throws {
        let (model, data) = try Fixtures.trainedModel()
        let reference = try TrainingReference(model: model, data: data)
        #expect(reference.rows == data.rowCount)
        #expect(reference.features.map(\.name) == ["area", "type"])
        for (index, feature) in reference.features.enumerated() {
            #expect(feature.counts.reduce(0, +) == data.rowCount)
            #expect(feature.binCount == model.mappers[index].binCount)
            #expect(abs(feature.proportions.reduce(0, +) - 1) < 1e-9)
            var expected = [Int](repeating: 0, count: feature.binCount)
            for value in data.column(index) { expected[Int(model.mappers[index].bin(value))] += 1 }
            #expect(feature.counts == expected)
        }
        let area = try #require(reference[feature: "area"])
        #expect(area.thresholds == model.mappers[0].thresholds)
        #expect(area.thresholds.count > 2)
    }

    @Test("Missing values land in bin 0")
    func missingInBinZero() throws {
        let (model, data) = try Fixtures.trainedModel()
        let reference = try TrainingReference(model: model, data: data)
        for (index, feature) in reference.features.enumerated() {
            let missing = data.column(index).filter(\.isNaN).count
            #expect(missing > 0)
            #expect(feature.counts[0] == missing)
            #expect(feature.bin(.nan) == 0)
        }
        #expect(reference[feature: "type"]?.bin(level: nil) == 0)
    }

    @Test("A live value falls in the bin the engine gives it")
    func liveValues() throws {
        let (model, data) = try Fixtures.trainedModel()
        let reference = try TrainingReference(model: model, data: data)
        let area = try #require(reference[feature: "area"])
        let cut = try #require(area.thresholds.first)
        #expect(area.bin(cut) == 1)
        #expect(area.bin(cut.nextUp) == 2)
        #expect(area.bin(10_000) == area.thresholds.count + 1)
        let type = try #require(reference[feature: "type"])
        #expect(type.levels == ["house", "apartment", "land"])
        #expect(type.bin(level: "apartment") == Int(model.mappers[1].bin(1)))
        #expect(type.bin(level: "apartment") == type.bin(1))
        #expect(type.bin(level: "castle") == 0)
    }

    @Test("Data with other features than the model's is refused")
    func featureMismatch() throws {
        let (model, _) = try Fixtures.trainedModel()
        let other = try Dataset(features: [.numeric("area"), .numeric("type")], columns: [[1], [2]])
        let error = try #require(throws: RegistryError.self) { try TrainingReference(model: model, data: other) }
        #expect(error.code == .featureMismatch)
        #expect(error.input == "type")
    }

    @Test("Predictions are binned at their own quantiles")
    func predictionDistribution() {
        let predictions = (0..<100).map { 100_000 + Double($0) * 1_000 }
        let reference = FeatureReference(predictions: predictions, bins: 10)
        #expect(reference.name == "prediction")
        #expect(reference.counts.reduce(0, +) == 100)
        #expect(reference.counts[0] == 0)
        #expect(reference.binCount == 11)
        #expect(reference.counts.dropFirst().allSatisfy { $0 == 10 })
    }
}
