import Features
import Foundation
import ML
import Schema
import Testing

@Suite("Fitted parameters inside the model file")
struct ModelAttachmentTests {
    struct Trained {
        var rows: [FeatureRow]
        var parameters: FittedFeatureParameters
        var data: Dataset
        var model: PriceModel
    }

    static func train() throws -> Trained {
        let builder = FeatureRowBuilder(settings: Fixtures.settings)
        let rows = Fixtures.soldHomes(count: 400).map { builder.build(from: $0, computedAt: Fixtures.date("2024-07-01T00:00:00Z")).row }
        var settings = Fixtures.settings
        settings.minLevelCount = 5
        let parameters = try FittedFeatureParameters.fit(rows: rows, settings: settings)
        let data = try FeatureEncoder(parameters: parameters).dataset(rows: rows, includeTarget: true)
        var config = ModelFitConfig()
        config.logTarget = true
        config.gbm.rounds = 40
        config.gbm.learningRate = 0.2
        config.gbm.minDataInLeaf = 5
        config.gbm.minDataPerCategory = 5
        let model = try ModelFitRunner.fit(data, target: "price", testRows: [], config: config)
        return Trained(rows: rows, parameters: parameters, data: data, model: model)
    }

    /// `trained`'s model with its parameters attached, written to a model file and read back.
    static func throughModelFile(_ trained: Trained) throws -> PriceModel {
        var model = trained.model
        try trained.parameters.attach(to: &model)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("features-\(UInt64.random(in: 0...UInt64.max)).hpm").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ModelFile.write(model, to: path)
        return try ModelFile.readModel(from: path)
    }

    @Test("parameters written with a trained model read back equal, and the model predicts the same")
    func roundTrip() throws {
        let trained = try Self.train()
        let loaded = try Self.throughModelFile(trained)
        let parameters = try FittedFeatureParameters(from: loaded)
        #expect(parameters == trained.parameters)
        #expect(try loaded.predict(trained.data) == (try trained.model.predict(trained.data)))
        #expect(parameters.categorical.contains { $0.name == "city" && $0.levels.contains("munchen") })
    }

    @Test("a request served with the loaded parameters scores exactly as its training row did")
    func servedRequestScoresLikeTrainingRow() throws {
        let trained = try Self.train()
        let loaded = try Self.throughModelFile(trained)
        let serving = ServingFeatures(parameters: try FittedFeatureParameters(from: loaded))
        let predictor = ForestPredictor(loaded.point)
        let trainingScores = try ForestPredictor(trained.model.point).predict(trained.data)
        for (index, home) in Fixtures.soldHomes(count: 400).enumerated() where index % 40 == 0 {
            let observedAt = try #require(trained.rows[index].observedAt)
            let score = try predictor.predict(serving.modelInput(for: home.features, at: observedAt))
            #expect(score.bitPattern == trainingScores[index].bitPattern)
        }
    }

    @Test("a model without parameters, or with unreadable ones, is a typed error")
    func missingOrUnreadable() throws {
        var trained = try Self.train()
        #expect(Self.code { _ = try FittedFeatureParameters(from: trained.model) } == .missingParameters)
        trained.model.attachments[FittedFeatureParameters.attachmentName] = "{\"numeric\": ["
        #expect(Self.code { _ = try FittedFeatureParameters(from: trained.model) } == .unreadableParameters)
    }

    @Test("parameters of other inputs or another feature schema version do not fit the model")
    func mismatch() throws {
        var trained = try Self.train()
        var other = trained.parameters
        other.numeric.removeFirst()
        #expect(Self.code { try other.attach(to: &trained.model) } == .parametersMismatch)
        #expect(trained.model.attachments.isEmpty)
        var newer = trained.parameters
        newer.featureSchemaVersion += 1
        try newer.attach(to: &trained.model)
        #expect(Self.code { _ = try FittedFeatureParameters(from: trained.model) } == .parametersMismatch)
    }

    static func code(_ body: () throws -> Void) -> FeatureError.Code? {
        do {
            try body()
            return nil
        } catch {
            return (error as? FeatureError)?.code
        }
    }
}
