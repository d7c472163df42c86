import Foundation
import ML
import ModelRegistry

/// Values shared by the registry tests.
enum Fixtures {
    /// A fixed instant on a whole second, so dates survive the millisecond JSON format.
    static let start = Date(timeIntervalSince1970: 1_714_564_800)

    /// The instant `minutes` after ``start``.
    static func at(_ minutes: Int) -> Date {
        start.addingTimeInterval(Double(minutes) * 60)
    }

    /// A small model with a numeric feature `area` (with missing values) and a categorical
    /// feature `type` (with missing values), and the data it was trained on.
    static func trainedModel() throws -> (model: GBMModel, data: Dataset) {
        var generator = SplitMix64(seed: 11)
        var area: [Double] = [], type: [Double] = [], price: [Double] = []
        for _ in 0..<400 {
            let a = 40 + 160 * generator.nextUniform()
            let t = Double(generator.next() % 3)
            let missingArea = generator.nextUniform() < 0.1
            let missingType = generator.nextUniform() < 0.05
            area.append(missingArea ? .nan : a)
            type.append(missingType ? .nan : t)
            price.append(3000 * a + 50_000 * t)
        }
        let features: [FeatureInfo] = [.numeric("area"), .categorical("type", levels: ["house", "apartment", "land"])]
        let data = try Dataset(features: features, columns: [area, type], target: price)
        var config = GBMConfig()
        config.rounds = 20
        config.learningRate = 0.3
        config.numLeaves = 7
        config.maxBins = 16
        config.minDataInLeaf = 5
        config.minDataPerCategory = 5
        return (try GBMTrainer.train(train: data, config: config).model, data)
    }
}
