import Features
import Foundation
import ML
import Schema
import ServerCore
import ServiceSupport
import TestSupport
import Testing

@Suite("Serving a model trained with imputation")
struct ImputingModelTests {
    @Test("loaded from its file as the server loads it, the model gives each request the trainer's inputs and prediction bit for bit")
    func servedInputsMatchTraining() async throws {
        let reader = try await ConfigurationLoader.reader(layout: TestProject.layout, files: ["pipeline.yaml"], environment: [:])
        let settings = try FeatureSettings(reader: reader)
        let builder = FeatureRowBuilder(settings: settings)
        var homes = try RealHomes.ames(limit: 700)
        // Every third home comes from a source without garage, cooling or coordinates.
        for index in homes.indices where index % 3 == 0 {
            homes[index].garageSpaces = nil
            homes[index].cooling = nil
            homes[index].coordinates = nil
        }
        let rows = homes.map { builder.build(from: $0, computedAt: $0.normalizedAt).row }
        let training = rows.prefix(600).filter { $0.target != nil }
        let imputation = ImputationSettings(
            targets: [FeatureName.garageSpaces, FeatureName.cooling, FeatureName.latitude, FeatureName.longitude],
            distanceFeatures: [
                FeatureName.livingArea, FeatureName.lotArea, FeatureName.builtYear, FeatureName.latitude, FeatureName.longitude,
            ],
            groupFeature: FeatureName.city, neighbours: 15, minGroupSize: 10, missingDistance: 2, maxDonors: 5_000)
        let parameters = try FittedFeatureParameters.fit(rows: training, settings: settings, imputation: imputation)
        let encoder = FeatureEncoder(parameters: parameters)
        var config = try ModelFitConfig.load(path: TestProject.layout.configs.appendingPathComponent("model/trainer.json").path)
        config.gbm.rounds = 30
        config.gbm.epochRounds = 30
        var trained = try ModelFitRunner.fit(
            try encoder.dataset(rows: training, includeTarget: true), target: "price", testRows: [], config: config)
        try parameters.attach(to: &trained)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("imputing-\(UUID().uuidString).hpm").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ModelFile.write(trained, to: path)
        let read = try ModelFile.readModel(from: path)
        let served = LoadedModel(
            name: "homeprice-us", version: "1", sha256: "", model: read, parameters: try FittedFeatureParameters(from: read))

        let trainer = PricePredictor(trained)
        let garage = try #require(parameters.featureNames.firstIndex(of: FeatureName.garageSpaces))
        var imputed = 0
        for (home, row) in zip(homes.suffix(100), rows.suffix(100)) {
            let trainerInput = encoder.modelInput(numeric: row.features, categorical: row.categorical)
            let servedInput = served.features.modelInput(for: home.features, at: try #require(row.observedAt))
            #expect(servedInput.map(\.bitPattern) == trainerInput.map(\.bitPattern), "\(home.id)")
            #expect(try served.predictor.predict(row: servedInput).value.bitPattern == trainer.predict(row: trainerInput).value.bitPattern)
            if home.garageSpaces == nil && !servedInput[garage].isNaN { imputed += 1 }
        }
        #expect(imputed == homes.suffix(100).count(where: { $0.garageSpaces == nil }), "every missing garage is imputed")
    }
}
