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
}
