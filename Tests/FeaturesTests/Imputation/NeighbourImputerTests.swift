import Features
import Foundation
import Schema
import Testing

@Suite("Neighbour imputation")
struct NeighbourImputerTests {
    static let settings = ImputationSettings(
        targets: [FeatureName.garageSpaces, FeatureName.cooling, FeatureName.latitude, FeatureName.longitude],
        distanceFeatures: [
            FeatureName.livingArea, FeatureName.lotArea, FeatureName.builtYear, FeatureName.latitude, FeatureName.longitude,
        ],
        groupFeature: FeatureName.city, neighbours: 5, minGroupSize: 10, missingDistance: 10, maxDonors: 5_000)

    /// The first 1,000 real Ames sales as the preprocessor's rows.
    static func amesRows() throws -> [FeatureRow] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let homes = try RealSales.ames(file: root.appendingPathComponent("data/ames.csv"), limit: 1_000)
        let builder = FeatureRowBuilder(settings: Fixtures.settings)
        return homes.map { builder.build(from: $0, computedAt: $0.normalizedAt).row }
    }

    /// A row with only the given values.
    static func row(_ id: String, _ numeric: [String: Double], _ categorical: [String: String] = [:]) -> FeatureRow {
        FeatureRow(
            homeId: id, region: "US", featureSchemaVersion: FeatureSchema.version, features: numeric, categorical: categorical,
            target: nil, currency: nil, labelDate: nil, observedAt: nil, retired: false, computedAt: Date(timeIntervalSince1970: 0))
    }

    @Test("hidden garages, cooling and coordinates of real homes come back closer to the truth than the training median or mode")
    func realHomesImputeBetterThanTheMedian() throws {
        let rows = try Self.amesRows()
        let training = rows.enumerated().filter { $0.offset % 5 != 0 }.map(\.element)
        let test = rows.enumerated().filter { $0.offset % 5 == 0 }.map(\.element)
        let imputer = NeighbourImputer(parameters: ImputationParameters.fit(rows: training, settings: Self.settings))
        let garages = training.compactMap { $0.features[FeatureName.garageSpaces] }.sorted()
        let medianGarage = garages[garages.count / 2]
        let latitudes = training.compactMap { $0.features[FeatureName.latitude] }.sorted()
        let medianLatitude = latitudes[latitudes.count / 2]
        var central = 0
        var errors = (garage: 0.0, garageMedian: 0.0, latitude: 0.0, latitudeMedian: 0.0, cooling: 0, coolingMode: 0)
        for row in test {
            var numeric = row.features
            var categorical = row.categorical
            for name in [FeatureName.garageSpaces, FeatureName.latitude, FeatureName.longitude] { numeric[name] = nil }
            categorical[FeatureName.cooling] = nil
            let imputed = imputer.imputed(numeric: numeric, categorical: categorical)
            let truth = try #require(row.features[FeatureName.garageSpaces])
            let garage = try #require(imputed.numeric[FeatureName.garageSpaces])
            errors.garage += abs(garage - truth)
            errors.garageMedian += abs(medianGarage - truth)
            let latitude = try #require(row.features[FeatureName.latitude])
            errors.latitude += abs(try #require(imputed.numeric[FeatureName.latitude]) - latitude)
            errors.latitudeMedian += abs(medianLatitude - latitude)
            #expect(imputed.numeric[FeatureName.longitude] != nil)
            let cooling = try #require(row.categorical[FeatureName.cooling])
            if imputed.categorical[FeatureName.cooling] != cooling { errors.cooling += 1 }
            if cooling != "central" { errors.coolingMode += 1 }
            if cooling == "central" { central += 1 }
            #expect(imputed.numeric[FeatureName.livingArea] == row.features[FeatureName.livingArea], "values it has stay")
        }
        #expect(central * 2 > test.count, "central air is the mode")
        #expect(errors.garage < 0.8 * errors.garageMedian, "garage: \(errors.garage) vs median \(errors.garageMedian)")
        #expect(errors.latitude < errors.latitudeMedian, "latitude: \(errors.latitude) vs median \(errors.latitudeMedian)")
        #expect(errors.cooling < errors.coolingMode, "cooling: \(errors.cooling) wrong vs mode \(errors.coolingMode)")
    }

    @Test("a home with every target passes unchanged; one without distance features still gets values")
    func completeAndEmptyHomes() throws {
        let rows = try Self.amesRows()
        let imputer = NeighbourImputer(parameters: ImputationParameters.fit(rows: rows, settings: Self.settings))
        let full = try #require(rows.first)
        let passed = imputer.imputed(numeric: full.features, categorical: full.categorical)
        #expect(passed.numeric == full.features && passed.categorical == full.categorical)
        let empty = imputer.imputed(numeric: [:], categorical: [:])
        #expect(empty.numeric.keys.sorted() == [FeatureName.garageSpaces, FeatureName.latitude, FeatureName.longitude])
        #expect(empty.categorical.keys.sorted() == [FeatureName.cooling])
        let notFinite = imputer.imputed(numeric: [FeatureName.garageSpaces: .nan], categorical: [:])
        #expect(notFinite.numeric[FeatureName.garageSpaces]?.isFinite == true, "a NaN is missing")
    }

    @Test("the fit is the same for the rows in any order and keeps only what imputation needs")
    func fitIsOrderFree() throws {
        let rows = try Self.amesRows()
        let fitted = ImputationParameters.fit(rows: rows, settings: Self.settings)
        #expect(ImputationParameters.fit(rows: rows.reversed(), settings: Self.settings) == fitted)
        #expect(fitted.numericTargets == [FeatureName.garageSpaces, FeatureName.latitude, FeatureName.longitude])
        #expect(fitted.categoricalTargets == [FeatureName.cooling])
        #expect(fitted.donors.count == rows.count)
        #expect(fitted.donors.allSatisfy { Set($0.numeric.keys).isSubset(of: fitted.numericTargets) && $0.group == "ames" })
        var small = Self.settings
        small.maxDonors = 100
        let sampled = ImputationParameters.fit(rows: rows, settings: small)
        #expect(sampled.donors.count == 100 && sampled.scales == fitted.scales)
        let sortedDonors = rows.sorted { $0.homeId < $1.homeId }
        #expect(sampled.donors.first?.numeric[FeatureName.garageSpaces] == sortedDonors.first?.features[FeatureName.garageSpaces])
    }

    @Test("the home's own group gives the neighbours when it has enough homes with the value, else every donor does")
    func groupsWithEnoughHomes() {
        var rows: [FeatureRow] = []
        // Twelve homes in "north" with central air, far in size from the query; three in
        // "south" and twenty in "east" without, close to it.
        for index in 0..<12 {
            rows.append(
                Self.row(
                    "n\(index)", [FeatureName.livingArea: 400 + Double(index)], [FeatureName.city: "north", FeatureName.cooling: "central"])
            )
        }
        for index in 0..<3 {
            rows.append(
                Self.row(
                    "s\(index)", [FeatureName.livingArea: 100 + Double(index)], [FeatureName.city: "south", FeatureName.cooling: "none"]))
        }
        for index in 0..<20 {
            rows.append(
                Self.row(
                    "e\(index)", [FeatureName.livingArea: 100 + Double(index)], [FeatureName.city: "east", FeatureName.cooling: "none"]))
        }
        let settings = ImputationSettings(
            targets: [FeatureName.cooling], distanceFeatures: [FeatureName.livingArea], groupFeature: FeatureName.city, neighbours: 3,
            minGroupSize: 10, missingDistance: 10, maxDonors: 100)
        let imputer = NeighbourImputer(parameters: ImputationParameters.fit(rows: rows, settings: settings))
        let query: [String: Double] = [FeatureName.livingArea: 101]
        #expect(imputer.imputed(numeric: query, categorical: [FeatureName.city: "north"]).categorical[FeatureName.cooling] == "central")
        #expect(imputer.imputed(numeric: query, categorical: [FeatureName.city: "south"]).categorical[FeatureName.cooling] == "none")
        #expect(imputer.imputed(numeric: [FeatureName.livingArea: 410], categorical: [:]).categorical[FeatureName.cooling] == "central")
    }

    @Test("a distance feature only one of two homes has keeps them apart")
    func missingDistanceSeparates() {
        // Apartments have no lot; a home without a lot finds the apartments, not the houses.
        var rows: [FeatureRow] = []
        for index in 0..<10 {
            rows.append(Self.row("a\(index)", [FeatureName.livingArea: 70 + Double(index)], [FeatureName.propertyType: "apartment"]))
            rows.append(
                Self.row(
                    "h\(index)", [FeatureName.livingArea: 71 + Double(index), FeatureName.lotArea: 400 + 10 * Double(index)],
                    [FeatureName.propertyType: "house"]
                ))
        }
        let settings = ImputationSettings(
            targets: [FeatureName.propertyType], distanceFeatures: [FeatureName.livingArea, FeatureName.lotArea], groupFeature: "",
            neighbours: 5, minGroupSize: 1, missingDistance: 10, maxDonors: 100)
        let imputer = NeighbourImputer(parameters: ImputationParameters.fit(rows: rows, settings: settings))
        #expect(
            imputer.imputed(numeric: [FeatureName.livingArea: 75], categorical: [:]).categorical[FeatureName.propertyType] == "apartment")
        #expect(
            imputer.imputed(numeric: [FeatureName.livingArea: 75, FeatureName.lotArea: 430], categorical: [:]).categorical[
                FeatureName.propertyType] == "house")
    }
}
