import Testing

@testable import ML

@Suite("Ridge regression")
struct RidgeRegressionTests {
    @Test("A linear function with a categorical offset is recovered")
    func linear() throws {
        var generator = SplitMix64(seed: 4)
        var x: [Double] = [], c: [Double] = [], y: [Double] = []
        for _ in 0..<500 {
            let xi = generator.nextUniform() * 10, ci = Double(generator.next() % 3)
            x.append(xi)
            c.append(ci)
            y.append(2 * xi + [1, -1, 5][Int(ci)] + 3)
        }
        let data = try Dataset(features: [.numeric("x"), .categorical("c", levels: ["a", "b", "c"])], columns: [x, c], target: y)
        let model = try RidgeRegression.fit(data, lambda: 1e-6)
        let predicted = try model.predict(data)
        #expect(RegressionMetrics(actual: y, predicted: predicted).rmse < 1e-4)
        #expect(throws: MLError.self) { try RidgeRegression.fit(data, lambda: -1) }
    }

    /// `rows` rows of `columns` noisy numeric features and a categorical one, target linear in a few.
    private func wide(rows: Int, columns: Int, seed: UInt64) throws -> Dataset {
        var generator = SplitMix64(seed: seed)
        var values = (0..<columns).map { _ in (0..<rows).map { _ in generator.nextUniform() * 4 - 2 } }
        values.append((0..<rows).map { _ in Double(generator.next() % 4) })
        let y = (0..<rows).map { r in
            3 * values[0][r] - 2 * values[1][r] + [0, 1, 2, -1][Int(values[columns][r])] + 0.1 * generator.nextUniform()
        }
        let features = (0..<columns).map { FeatureInfo.numeric("x\($0)") } + [.categorical("c", levels: ["a", "b", "c", "d"])]
        return try Dataset(features: features, columns: values, target: y)
    }

    @Test("Past the direct-solve column limit, conjugate gradients give the Cholesky weights")
    func conjugateGradientsMatchCholesky() throws {
        for (rows, columns) in [(400, 60), (80, 150)] {
            let data = try wide(rows: rows, columns: columns, seed: UInt64(rows))
            let direct = try RidgeRegression.fit(data, lambda: 0.5, directSolveMaxColumns: 10_000)
            let iterative = try RidgeRegression.fit(data, lambda: 0.5, directSolveMaxColumns: 10)
            let difference = zip(direct.weights.joined(), iterative.weights.joined()).map { abs($0 - $1) }.max() ?? .infinity
            #expect(difference < 1e-6, "\(rows) rows × \(columns) columns differ by \(difference)")
            #expect(abs(direct.intercept - iterative.intercept) < 1e-6)
        }
    }

    @Test("3,000 columns are fitted without a 3,000 × 3,000 matrix (whose Cholesky alone is 9·10⁹ operations)")
    func wideDataFits() throws {
        let data = try wide(rows: 60, columns: 3_000, seed: 11)
        let model = try RidgeRegression.fit(data, lambda: 1)
        #expect(model.weights.count == 3_001)
        #expect(model.weights[0][0] > 0 && model.weights[1][0] < 0, "the signal's columns carry its signs")
        #expect(RegressionMetrics(actual: data.target!, predicted: try model.predict(data)).r2 > 0.9)
    }
}
