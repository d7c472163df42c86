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

    @Test("The branch-free walk agrees with the model format's reference traversal on odd inputs")
    func agreesWithReferenceTraversal() throws {
        let (model, _) = try Self.model()
        let predictor = ForestPredictor(model)
        let levelCounts = model.features.map(\.levels.count)
        var generator = SplitMix64(seed: 5)
        let odd: [Double] = [.nan, -1, -0.0, 2.5, 6, 64, 1e300, -.infinity, .infinity]
        for _ in 0..<500 {
            let row = (0..<3).map { f -> Double in
                if generator.next() % 3 == 0 { return odd[Int(generator.next() % UInt64(odd.count))] }
                return f == 2 ? Double(generator.next() % 6) : generator.nextUniform()
            }
            var expected = model.initScore
            for tree in model.trees { expected += tree.leafValue[tree.leaf(levelCounts: levelCounts) { row[$0] }] }
            #expect(try predictor.predict(row) == expected)
        }
    }

    @Test("Explanations add up: base value + top contributions + the rest = raw prediction")
    func explanationsAddUp() throws {
        let (gbm, data) = try Self.model()
        let model = PriceModel(
            target: "y", targetTransform: .identity, table: TableOptions(), point: gbm,
            summary: TrainingSummary(
                rows: data.rowCount, heldOutRows: 0, testRows: 0, target: data.target ?? [], roundsRun: 50,
                bestRound: 50, trainingSeconds: 0, metrics: [:], intervalCoverage: nil))
        let sample = data.subset(rows: Array(stride(from: 0, to: data.rowCount, by: 97)))
        let explanations = try model.explain(sample, top: 2)
        let raw = try ForestPredictor(gbm).predict(sample)
        #expect(explanations.count == sample.rowCount)
        for (r, explanation) in explanations.enumerated() {
            #expect(explanation.top.count == 2)
            #expect(abs(explanation.top[0].contribution) >= abs(explanation.top[1].contribution))
            let total = explanation.baseValue + explanation.top.reduce(0) { $0 + $1.contribution } + explanation.otherContributions
            #expect(abs(total - explanation.raw) < 1e-9)
            #expect(explanation.raw == raw[r])
            #expect(explanation.prediction.value == raw[r])
        }
        let levels = try model.explain(sample, top: 3).flatMap(\.top).filter { $0.feature == "c" }.compactMap(\.input)
        #expect(levels.allSatisfy { Self.features[2].levels.contains($0) })
        #expect(throws: MLError.self) { try model.explain(sample, top: -1) }
    }
}
