import Testing

@testable import ML

@Suite("Forest predictor and explanations")
struct ForestPredictorTests {
    static let features: [FeatureInfo] = [.numeric("a"), .numeric("b"), .categorical("c", levels: ["p", "q", "r", "s", "t", "u"])]

    static func model() throws -> (GBMModel, Dataset) {
        var generator = SplitMix64(seed: 21)
        var columns: [[Double]] = [[], [], []]
        var y: [Double] = []
        for _ in 0..<1500 {
            let a = generator.nextUniform(), b = generator.nextUniform() < 0.2 ? .nan : generator.nextUniform()
            let c = Double(generator.next() % 6)
            columns[0].append(a)
            columns[1].append(b)
            columns[2].append(c)
            y.append(a * 3 + (b.isNaN ? 1 : b) + [0, 2, -1, 1, 3, -2][Int(c)])
        }
        let data = try Dataset(features: features, columns: columns, target: y)
        return (try GBMTrainer.train(train: data, config: TestData.config(rounds: 50)).model, data)
    }

    @Test("Batch prediction equals row-by-row prediction")
    func batchEqualsSingle() throws {
        let (model, data) = try Self.model()
        let predictor = ForestPredictor(model)
        let batch = try predictor.predict(data)
        for r in stride(from: 0, to: data.rowCount, by: 37) {
            #expect(batch[r] == (try predictor.predict(data.row(r))))
        }
    }

    @Test("Wrong feature counts are typed errors; unseen levels and NaN take the default direction")
    func badRows() throws {
        let (model, _) = try Self.model()
        let predictor = ForestPredictor(model)
        #expect(throws: MLError.self) { try predictor.predict([1, 2]) }
        #expect(throws: MLError.self) { try predictor.predict([1, 2, 3, 4]) }
        #expect(try predictor.predict([0.5, 0.5, 17]).isFinite)
        #expect(try predictor.predict([0.5, 0.5, -1]) == (try predictor.predict([0.5, 0.5, .nan])))
        #expect(try predictor.predict([.nan, .nan, .nan]).isFinite)
    }

    @Test("TreeSHAP contributions add up to the prediction")
    func shapAdditivity() throws {
        let (model, data) = try Self.model()
        let predictor = ForestPredictor(model)
        let shap = TreeSHAP(model)
        for r in stride(from: 0, to: data.rowCount, by: 101) {
            let row = data.row(r)
            let phi = try shap.contributions(row)
            #expect(abs(shap.baseValue + phi.reduce(0, +) - (try predictor.predict(row))) < 1e-9)
        }
        let phi = try shap.contributions([0.9, 0.5, 4])
        #expect(phi[0] > 0 && phi[2] > 0)
        #expect(throws: MLError.self) { try shap.contributions([1]) }
    }
}
