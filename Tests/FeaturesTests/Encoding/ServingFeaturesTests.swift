import Features
import Foundation
import ML
import Schema
import Testing

@Suite("Train/serve consistency")
struct ServingFeaturesTests {
    static let computedAt = Fixtures.date("2024-07-01T00:00:00Z")
    static let builder = FeatureRowBuilder(settings: Fixtures.settings)

    /// Homes with every field, sparse homes, garbage and strangers to the training region.
    static let homes: [Home] = {
        var garbage = Fixtures.fullFeatures
        garbage.livingArea = .nan
        garbage.lotArea = 1e300
        garbage.rooms = -4
        garbage.bathrooms = .infinity
        garbage.builtYear = 9999
        garbage.builtMonth = 0
        garbage.city = "  MÜNCHEN\u{0} 🏠 "
        garbage.postalCode = "８０３３１"
        garbage.coordinates = Coordinates(latitude: .nan, longitude: 500)
        var outlier = Fixtures.fullFeatures
        outlier.livingArea = 4999
        outlier.lotArea = 9_999_999
        outlier.city = "Mu\u{308}nchen"
        var sparse = HomeFeatures(region: "DE")
        sparse.builtMonth = 7
        var american = Fixtures.fullFeatures
        american.region = "US"
        american.postalCode = "02139-4307"
        var unknownRegion = Fixtures.fullFeatures
        unknownRegion.region = "FR"
        let sale = Fixtures.date("2023-03-31T23:59:59.250Z")
        return [
            Fixtures.home(
                Fixtures.fullFeatures, id: "full-sold", price: Money(amount: 890_000, currency: "EUR"), priceKind: .sold,
                saleFetchedAt: sale),
            Fixtures.home(Fixtures.fullFeatures, id: "full-asking", price: Money(amount: 990_000, currency: "EUR"), priceKind: .asking),
            Fixtures.home(garbage, id: "garbage", price: Money(amount: .nan, currency: "EUR"), priceKind: .sold),
            Fixtures.home(outlier, id: "outlier", price: Money(amount: 1_500_000, currency: "EUR"), priceKind: .sold, saleFetchedAt: sale),
            Fixtures.home(sparse, id: "sparse"),
            Fixtures.home(american, id: "american", price: Money(amount: 1e6, currency: "USD"), priceKind: .sold),
            Fixtures.home(unknownRegion, id: "french", price: Money(amount: 5e5, currency: "EUR"), priceKind: .sold),
        ]
    }()

    static func parameters() throws -> FittedFeatureParameters {
        let rows = Fixtures.soldHomes(count: 400).map { builder.build(from: $0, computedAt: computedAt).row }
        var settings = Fixtures.settings
        settings.lowerOutlierQuantile = 0.05
        settings.upperOutlierQuantile = 0.95
        return try FittedFeatureParameters.fit(rows: rows, settings: settings)
    }

    @Test("the stream path through JSON and the serving path give bit-identical model inputs", arguments: homes.indices)
    func streamAndServingAgree(index: Int) throws {
        let home = Self.homes[index]
        let parameters = try Self.parameters()
        let built = Self.builder.build(from: home, computedAt: Self.computedAt)
        let observedAt = try #require(built.row.observedAt)
        let published = try FeatureRow.decode(from: try built.row.encoded())
        let streamed = FeatureEncoder(parameters: parameters).modelInput(numeric: published.features, categorical: published.categorical)
        let served = ServingFeatures(parameters: parameters).modelInput(for: home.features, at: observedAt)
        #expect(streamed.count == parameters.featureNames.count)
        #expect(streamed.map(\.bitPattern) == served.map(\.bitPattern))
    }

    @Test("with imputation fitted, the stream path and the serving path still give bit-identical model inputs", arguments: homes.indices)
    func imputedStreamAndServingAgree(index: Int) throws {
        let home = Self.homes[index]
        let plain = try Self.parameters()
        let rows = Fixtures.soldHomes(count: 400).map { Self.builder.build(from: $0, computedAt: Self.computedAt).row }
        let imputation = ImputationSettings(
            targets: [FeatureName.lotArea, FeatureName.heating, FeatureName.propertyType],
            distanceFeatures: [FeatureName.livingArea, FeatureName.builtYear, FeatureName.rooms], groupFeature: FeatureName.city,
            neighbours: 5, minGroupSize: 10, missingDistance: 10, maxDonors: 300)
        let fitted = try FittedFeatureParameters.fit(rows: rows, settings: plain.settings, imputation: imputation)
        // The parameters as the server reads them from the model file.
        let parameters = try JSONDecoder().decode(FittedFeatureParameters.self, from: try JSONEncoder().encode(fitted))
        #expect(parameters == fitted && parameters.imputation?.donors.count == 300)
        let built = Self.builder.build(from: home, computedAt: Self.computedAt)
        let observedAt = try #require(built.row.observedAt)
        let published = try FeatureRow.decode(from: try built.row.encoded())
        let streamed = FeatureEncoder(parameters: fitted).modelInput(numeric: published.features, categorical: published.categorical)
        let served = ServingFeatures(parameters: parameters).modelInput(for: home.features, at: observedAt)
        #expect(streamed.map(\.bitPattern) == served.map(\.bitPattern))
        let unimputed = FeatureEncoder(parameters: plain).modelInput(numeric: published.features, categorical: published.categorical)
        let lot = try #require(fitted.featureNames.firstIndex(of: FeatureName.lotArea))
        if published.features[FeatureName.lotArea] == nil {
            #expect(unimputed[lot].isNaN && !streamed[lot].isNaN, "the missing lot area is imputed")
        } else {
            #expect(streamed[lot].bitPattern == unimputed[lot].bitPattern, "a lot area the home has stays")
        }
    }

    @Test("the prepared input reports issues and clipped features along with the values")
    func preparedInputReports() throws {
        let serving = ServingFeatures(parameters: try Self.parameters())
        let at = Fixtures.date("2024-07-01T00:00:00Z")
        let garbage = serving.prepare(Self.homes[2].features, at: at)
        #expect(garbage.extracted.issues.count == 8)
        #expect(garbage.values.map(\.bitPattern) == serving.modelInput(for: Self.homes[2].features, at: at).map(\.bitPattern))
        let outlier = serving.prepare(Self.homes[3].features, at: at)
        #expect(outlier.clippedFeatures.contains("livingArea") && outlier.clippedFeatures.contains("lotArea"))
    }

    @Test("the serving path extracts with the settings stored in the parameters, not today's")
    func servingUsesStoredSettings() throws {
        var parameters = try Self.parameters()
        let original = ServingFeatures(parameters: parameters).modelInput(for: Fixtures.fullFeatures, at: Self.computedAt)
        parameters.settings.cleaning.maxLivingArea = 50
        let changed = ServingFeatures(parameters: parameters).prepare(Fixtures.fullFeatures, at: Self.computedAt)
        #expect(changed.extracted.issues.map(\.field) == ["livingArea"])
        #expect(changed.values.map(\.bitPattern) != original.map(\.bitPattern))
    }
}
