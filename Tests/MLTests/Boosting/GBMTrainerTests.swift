import Foundation
import Testing

@testable import ML

@Suite("Gradient boosting")
struct GBMTrainerTests {
    @Test("An additive function is learned to near-zero error")
    func additive() throws {
        let f: ([Double]) -> Double = { 3 * $0[0] + 2 * $0[1] * $0[1] - $0[2] }
        let train = TestData.uniform(rows: 3000, features: 4, target: f)
        let test = TestData.uniform(rows: 500, features: 4, seed: 99, target: f)
        let model = try GBMTrainer.train(train: train, config: TestData.config(rounds: 300)).model
        let rmse = try TestData.rmse(model, test)
        #expect(rmse < 0.08)
    }

    @Test("An interaction is learned to near-zero error")
    func interaction() throws {
        let f: ([Double]) -> Double = { 4 * $0[0] * $0[1] }
        let train = TestData.uniform(rows: 3000, features: 3, target: f)
        let test = TestData.uniform(rows: 500, features: 3, seed: 99, target: f)
        let model = try GBMTrainer.train(train: train, config: TestData.config(rounds: 300)).model
        #expect(try TestData.rmse(model, test) < 0.08)
    }

    // x takes 40 values, so the step at 0.5 falls between bins (quantile bins of continuous
    // values can only place a cut between the sample points nearest to it).
    @Test("Steps on a numeric feature plus non-monotone category effects are learned exactly")
    func stepsAndCategories() throws {
        let effects: [Double] = [3, -1, 0.5, 2, -2, 1, 0, 4]
        var generator = SplitMix64(seed: 3)
        var x: [Double] = [], c: [Double] = [], y: [Double] = []
        for _ in 0..<2000 {
            let xi = Double(generator.next() % 40) / 40, ci = Double(generator.next() % 8)
            x.append(xi)
            c.append(ci)
            y.append((xi > 0.5 ? 1.5 : 0) + effects[Int(ci)])
        }
        let features: [FeatureInfo] = [.numeric("x"), .categorical("c", levels: (0..<8).map(String.init))]
        let data = try Dataset(features: features, columns: [x, c], target: y)
        let model = try GBMTrainer.train(train: data, config: TestData.config(rounds: 100)).model
        let rmse = try TestData.rmse(model, data)
        #expect(rmse < 1e-3)
        // Categorical splits group levels: far fewer splits than one-hot would need.
        #expect(model.trees[0].categoryStart.contains { $0 >= 0 })
    }

    @Test("Missing values learn their own default direction")
    func missingValues() throws {
        var generator = SplitMix64(seed: 5)
        var x: [Double] = [], y: [Double] = []
        for _ in 0..<2000 {
            let v = generator.nextUniform()
            let missing = generator.nextUniform() < 0.3
            x.append(missing ? .nan : v)
            y.append(missing ? 5 : (v > 0.5 ? 1 : 0))
        }
        let data = try Dataset(features: [.numeric("x")], columns: [x], target: y)
        let model = try GBMTrainer.train(train: data, config: TestData.config(rounds: 100)).model
        let predictor = ForestPredictor(model)
        #expect(abs(try predictor.predict([.nan]) - 5) < 1e-3)
        #expect(abs(try predictor.predict([0.9]) - 1) < 1e-3)
        #expect(abs(try predictor.predict([0.1])) < 1e-3)
    }

    @Test("Monotone constraints hold on a grid")
    func monotone() throws {
        // y rises with x0 overall but wiggles; x0 is constrained to be non-decreasing, x1 non-increasing.
        let train = TestData.uniform(rows: 3000, features: 3) {
            2 * $0[0] + 0.5 * (12 * $0[0]).squareRoot().truncatingRemainder(dividingBy: 1) - $0[1] + $0[2]
        }
        var config = TestData.config(rounds: 100)
        config.monotoneConstraints = ["x0": 1, "x1": -1]
        let predictor = ForestPredictor(try GBMTrainer.train(train: train, config: config).model)
        for a in stride(from: 0.0, through: 1.0, by: 0.1) {
            for b in stride(from: 0.0, through: 1.0, by: 0.1) {
                var previous = -Double.infinity
                for x0 in stride(from: 0.0, through: 1.0, by: 0.01) {
                    let p = try predictor.predict([x0, a, b])
                    #expect(p >= previous - 1e-12)
                    previous = p
                }
                previous = .infinity
                for x1 in stride(from: 0.0, through: 1.0, by: 0.01) {
                    let p = try predictor.predict([a, x1, b])
                    #expect(p <= previous + 1e-12)
                    previous = p
                }
            }
        }
    }

    @Test("Training twice with a seed gives the same model")
    func deterministic() throws {
        let train = TestData.uniform(rows: 2000, features: 5) { $0[0] + $0[1] * $0[2] }
        var config = TestData.config(rounds: 40)
        config.baggingFraction = 0.7
        config.baggingFrequency = 2
        config.featureFraction = 0.8
        config.featureFractionByNode = 0.7
        let a = try GBMTrainer.train(train: train, config: config).model
        let b = try GBMTrainer.train(train: train, config: config).model
        #expect(a.trees == b.trees)
    }

    @Test("Resuming from a checkpoint ends in exactly the uninterrupted model")
    func resume() throws {
        let train = TestData.uniform(rows: 2000, features: 5) { $0[0] + $0[1] * $0[2] }
        let valid = TestData.uniform(rows: 300, features: 5, seed: 11) { $0[0] + $0[1] * $0[2] }
        var config = TestData.config(rounds: 60)
        config.baggingFraction = 0.7
        config.baggingFrequency = 3
        config.featureFraction = 0.8
        config.epochRounds = 20
        let full = try GBMTrainer.train(train: train, valid: valid, config: config)
        var saved: Checkpoint?
        _ = try GBMTrainer.train(train: train, valid: valid, config: config) { epoch in
            saved = epoch.checkpoint
            return epoch.round >= 20 ? .stop : .proceed
        }
        let checkpoint = try #require(saved)
        #expect(checkpoint.completedRounds == 20)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ckpt-\(UInt64.random(in: 0...UInt64.max)).hpm").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ModelFile.write(checkpoint, to: path)
        let resumed = try GBMTrainer.train(
            train: train, valid: valid, config: config,
            resumingFrom: try ModelFile.readCheckpoint(from: path))
        #expect(resumed.model.trees == full.model.trees)
        #expect(resumed.validHistory == full.validHistory)
    }

    @Test("Early stopping keeps the best round")
    func earlyStopping() throws {
        let train = TestData.uniform(rows: 500, features: 3) { $0[0] }
        let valid = TestData.uniform(rows: 200, features: 3, seed: 12) { _ in 0 }
        var config = TestData.config(rounds: 200)
        config.earlyStoppingRounds = 5
        let result = try GBMTrainer.train(train: train, valid: valid, config: config)
        #expect(result.roundsRun < 200)
        #expect(result.model.trees.count == result.bestRound)
        #expect(result.validHistory[result.bestRound - 1] == result.validHistory.min())
    }

    @Test("Quantile losses bracket the data; Huber fits a clean signal")
    func otherLosses() throws {
        var generator = SplitMix64(seed: 8)
        let train = TestData.uniform(rows: 3000, features: 2) { $0[0] + generator.nextUniform() }
        var config = TestData.config(rounds: 100)
        config.loss = "quantile"
        config.quantileAlpha = 0.9
        let upper = try ForestPredictor(GBMTrainer.train(train: train, config: config).model).predict(train)
        let covered = zip(train.target!, upper).filter { $0 <= $1 }.count
        #expect(abs(Double(covered) / 3000 - 0.9) < 0.04)
        config.loss = "huber"
        config.huberDelta = 0.5
        let clean = TestData.uniform(rows: 2000, features: 2) { 2 * $0[0] }
        #expect(try TestData.rmse(GBMTrainer.train(train: clean, config: config).model, clean) < 0.05)
    }

    @Test("Garbage input gives typed errors, never a crash")
    func garbage() throws {
        let good = TestData.uniform(rows: 50, features: 2) { $0[0] }
        var nanTarget = good
        nanTarget.target![3] = .nan
        do {
            _ = try GBMTrainer.train(train: nanTarget, config: TestData.config())
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidTarget)
            #expect(error.input.row == 3)
        }
        let empty = try Dataset(features: [.numeric("x")], columns: [[]], target: [])
        #expect(throws: MLError.self) { try GBMTrainer.train(train: empty, config: TestData.config()) }
        var config = TestData.config()
        config.monotoneConstraints = ["nope": 1]
        #expect(throws: MLError.self) { try GBMTrainer.train(train: good, config: config) }
        config = TestData.config()
        config.learningRate = -1
        #expect(throws: MLError.self) { try GBMTrainer.train(train: good, config: config) }
        #expect(throws: MLError.self) { try Dataset(features: [.numeric("x")], columns: [[1, 2], [3]]) }
    }

    @Test("Quantised gradients: the largest maps inside 2^30 units and sums are exact in any order")
    func quantisedGradients() {
        let scale = GradientScale(maxMagnitude: 3.7)
        #expect(abs(scale.quantise(3.7)) <= 1 << 30)
        #expect(abs(scale.quantise(-3.7)) <= 1 << 30)
        #expect(scale.step.significandBitPattern == 0)
        #expect(abs(scale.gradient(Int64(scale.quantise(1.25))) - 1.25) <= scale.step)
        var generator = SplitMix64(seed: 3)
        let q = (0..<10_000).map { _ in Int64(scale.quantise(generator.nextUniform() * 7.4 - 3.7)) }
        #expect(scale.gradient(q.reduce(0, +)) == scale.gradient(q.reversed().reduce(0, +)))
        #expect(GradientScale(maxMagnitude: 0).step == 1)
        // Vanishing gradients quantise to zero rather than overflowing the inverse step.
        let subnormal = Double.leastNormalMagnitude / 64
        let tiny = GradientScale(maxMagnitude: subnormal)
        #expect(tiny.quantise(subnormal) == 0 && tiny.step > 0)
        let huge = GradientScale(maxMagnitude: 1e300).quantise(1e300)
        #expect(huge >= 1 << 29 && huge <= 1 << 30)
    }
}
