import Testing

@testable import ML

@Suite("Regression metrics")
struct RegressionMetricsTests {
    @Test("RMSE, MAE, MAPE and R² match hand-computed values")
    func values() {
        let m = RegressionMetrics(actual: [1, 2, 4], predicted: [2, 2, 2])
        #expect(abs(m.rmse - (5.0 / 3).squareRoot()) < 1e-12)
        #expect(abs(m.mae - 1) < 1e-12)
        #expect(abs(m.mape - (1 + 0 + 0.5) / 3) < 1e-12)
        #expect(abs(m.r2 - (1 - 5 / (14.0 / 3))) < 1e-12)
    }
}
