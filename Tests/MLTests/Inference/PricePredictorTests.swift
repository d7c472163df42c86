import ML
import Testing

@Suite("Price predictor")
struct PricePredictorTests {
    @Test("one row at a time gives the batch's predictions bit for bit, intervals included", arguments: ["conformal", "quantile"])
    func rowEqualsBatch(interval: String) throws {
        let data = SyntheticData.dataset(rows: 0..<400)
        var config = ModelFitConfig()
        config.gbm.rounds = 20
        config.interval.method = interval
        let model = try ModelFitRunner.fit(data, target: "y", testRows: Set(0..<80), config: config)
        let predictor = PricePredictor(model)
        let batch = try model.predict(data)
        #expect(batch.allSatisfy { $0.lower != nil && $0.upper != nil })
        for r in 0..<data.rowCount {
            let single = try predictor.predict(row: data.row(r))
            #expect(single.value.bitPattern == batch[r].value.bitPattern)
            #expect(single.lower?.bitPattern == batch[r].lower?.bitPattern && single.upper?.bitPattern == batch[r].upper?.bitPattern)
        }
    }
}
