import ModelRegistry
import Testing

@Suite("Price metrics")
struct PriceMetricsTests {
    @Test("Errors are measured in money and in fractions of the actual price")
    func values() {
        let metrics = PriceMetrics(actual: [100, 200, 400, 0], predicted: [110, 180, 400, 10])
        #expect(metrics.count == 4)
        #expect(abs(metrics.mae - 10) < 1e-12)
        #expect(abs(metrics.rmse - (600.0 / 4).squareRoot()) < 1e-12)
        #expect(abs(metrics.mape - 0.2 / 3) < 1e-12)
        #expect(abs(metrics.medianAPE - 0.1) < 1e-12)
    }

    @Test("The median of an even number of errors is the mean of the middle two")
    func evenMedian() {
        #expect(abs(PriceMetrics(actual: [100, 100], predicted: [110, 130]).medianAPE - 0.2) < 1e-12)
    }

    @Test("Metrics are published by name")
    func byName() {
        let metrics = PriceMetrics(count: 5, mae: 1, mape: 0.1, rmse: 2, medianAPE: 0.05)
        #expect(metrics.byName == ["count": 5, "mae": 1, "mape": 0.1, "rmse": 2, "medianAPE": 0.05])
    }
}
