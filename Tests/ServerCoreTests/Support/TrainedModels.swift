import Features
import Foundation
import ML
import Schema
import ServiceSupport
import TestSupport

/// Two small models of the US region trained by the engine on real Ames sales with the
/// project's feature settings, their model files exactly as the trainer stores them; trained
/// once per test process. Version 1 and version 2 differ (rounds, learning rate), so their
/// answers differ.
actor TrainedModels {
    /// The one cache of the test process.
    static let shared = TrainedModels()

    private var files: [Data]?

    /// The homes the models learned from.
    static func homes() throws -> [Home] { try RealHomes.ames(limit: 600) }

    /// The two model files.
    func modelFiles() async throws -> [Data] {
        if let files { return files }
        let reader = try await ConfigurationLoader.reader(layout: TestProject.layout, files: ["pipeline.yaml"], environment: [:])
        let settings = try FeatureSettings(reader: reader)
        let trained = try [
            Self.train(settings: settings, rounds: 30, learningRate: 0.1), Self.train(settings: settings, rounds: 60, learningRate: 0.05),
        ]
        files = trained
        return trained
    }

    private static func train(settings: FeatureSettings, rounds: Int, learningRate: Double) throws -> Data {
        let builder = FeatureRowBuilder(settings: settings)
        let rows = try homes().map { builder.build(from: $0, computedAt: $0.normalizedAt).row }.filter { $0.target != nil }
        let parameters = try FittedFeatureParameters.fit(rows: rows, settings: settings)
        let data = try FeatureEncoder(parameters: parameters).dataset(rows: rows, includeTarget: true)
        var config = try ModelFitConfig.load(path: TestProject.layout.configs.appendingPathComponent("model/trainer.json").path)
        config.gbm.rounds = rounds
        config.gbm.learningRate = learningRate
        config.gbm.epochRounds = rounds
        var model = try ModelFitRunner.fit(data, target: "price", testRows: Set(rows.indices.suffix(rows.count / 5)), config: config)
        model.summary.trainingSeconds = 0
        try parameters.attach(to: &model)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("server-model-\(UUID().uuidString).hpm").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ModelFile.write(model, to: path)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}
