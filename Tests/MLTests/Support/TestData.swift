@testable import ML

/// Small deterministic data sets for the tests.
enum TestData {
    /// `rows` rows of `features` uniform features in [0, 1) and `target(row)`.
    static func uniform(rows: Int, features: Int, seed: UInt64 = 7, target: ([Double]) -> Double) -> Dataset {
        var generator = SplitMix64(seed: seed)
        var columns = [[Double]](repeating: [], count: features)
        var y: [Double] = []
        for _ in 0..<rows {
            let x = (0..<features).map { _ in generator.nextUniform() }
            for f in 0..<features { columns[f].append(x[f]) }
            y.append(target(x))
        }
        return try! Dataset(features: (0..<features).map { .numeric("x\($0)") }, columns: columns, target: y)
    }

    /// RMSE of a model on a data set.
    static func rmse(_ model: GBMModel, _ data: Dataset) throws -> Double {
        let predicted = try ForestPredictor(model).predict(data)
        return RegressionMetrics(actual: data.target!, predicted: predicted).rmse
    }

    /// A quick configuration for small data.
    static func config(rounds: Int = 200, leaves: Int = 15, minData: Int = 5) -> GBMConfig {
        var config = GBMConfig()
        config.rounds = rounds
        config.learningRate = 0.2
        config.numLeaves = leaves
        config.minDataInLeaf = minData
        config.minDataPerCategory = 5
        return config
    }
}
