import Configuration
import Features
import Foundation
import Testing

@Suite("Feature settings from configuration")
struct FeatureSettingsTests {
    /// Every key `configs/pipeline.yaml` sets, with the fixture's values.
    static let complete: [AbsoluteConfigKey: ConfigValue] = [
        "features.regions": .init(.stringArray(["US", "CA", "DE"]), isSecret: false),
        "features.cleaning.minLivingArea": 10.0,
        "features.cleaning.maxLivingArea": 5000.0,
        "features.cleaning.minLotArea": 1.0,
        "features.cleaning.maxLotArea": 10_000_000.0,
        "features.cleaning.maxRooms": 50,
        "features.cleaning.maxBedrooms": 30,
        "features.cleaning.maxBathrooms": 30.0,
        "features.cleaning.maxGarageSpaces": 20,
        "features.cleaning.minBuiltYear": 1200,
        "features.cleaning.maxBuiltYearsAhead": 1,
        "features.outliers.lowerQuantile": 0.001,
        "features.outliers.upperQuantile": 0.999,
        "features.categorical.minLevelCount": 20,
        "features.currency.US": "USD",
        "features.currency.CA": "CAD",
        "features.currency.DE": "EUR",
        "features.postalPrefix.US": 3,
        "features.postalPrefix.CA": 3,
        "features.postalPrefix.DE": 2,
        "features.labels.pricePerSquareMetre.US.min": 100.0,
        "features.labels.pricePerSquareMetre.US.max": 50000.0,
        "features.labels.pricePerSquareMetre.CA.min": 100.0,
        "features.labels.pricePerSquareMetre.CA.max": 40000.0,
        "features.labels.pricePerSquareMetre.DE.min": 200.0,
        "features.labels.pricePerSquareMetre.DE.max": 30000.0,
    ]

    static func settings(_ values: [AbsoluteConfigKey: ConfigValue]) throws(FeatureError) -> FeatureSettings {
        try FeatureSettings(reader: ConfigReader(providers: [InMemoryProvider(values: values)]))
    }

    @Test("every key is read into its setting")
    func readsEveryKey() throws {
        #expect(try Self.settings(Self.complete) == Fixtures.settings)
    }

    @Test(
        "a missing required key is a configuration error naming the key",
        arguments: [
            "features.regions", "features.cleaning.maxLivingArea", "features.cleaning.minBuiltYear",
            "features.outliers.lowerQuantile", "features.categorical.minLevelCount", "features.currency.DE",
            "features.postalPrefix.CA", "features.labels.pricePerSquareMetre.US.max",
        ])
    func missingKeyIsNamed(key: String) {
        var values = Self.complete
        values[AbsoluteConfigKey(ConfigKey(key))] = nil
        #expect {
            try Self.settings(values)
        } throws: { error in
            let error = error as? FeatureError
            return error?.code == .invalidConfiguration && error?.field == key
        }
    }

    @Test(
        "an out-of-range value is a configuration error naming the key and the value",
        arguments: [
            ("features.outliers.upperQuantile", ConfigValue(0.0005), "0.0005"),
            ("features.outliers.lowerQuantile", ConfigValue(-0.1), "-0.1"),
            ("features.cleaning.maxLivingArea", ConfigValue(5.0), "5.0"),
            ("features.cleaning.minLivingArea", ConfigValue(0.0), "0.0"),
            ("features.cleaning.maxRooms", ConfigValue(-1), "-1"),
            ("features.categorical.minLevelCount", ConfigValue(0), "0"),
            ("features.postalPrefix.DE", ConfigValue(0), "0"),
            ("features.currency.DE", ConfigValue("euro"), "euro"),
            ("features.labels.pricePerSquareMetre.DE.max", ConfigValue(150.0), "150.0"),
        ])
    func outOfRangeValueIsNamed(key: String, value: ConfigValue, shown: String) {
        var values = Self.complete
        values[AbsoluteConfigKey(ConfigKey(key))] = value
        #expect {
            try Self.settings(values)
        } throws: { error in
            let error = error as? FeatureError
            return error?.code == .invalidConfiguration && error?.field == key && error?.input == shown
        }
    }

    @Test("a region listed twice is rejected")
    func duplicateRegionIsRejected() {
        var values = Self.complete
        values["features.regions"] = .init(.stringArray(["DE", "de"]), isSecret: false)
        #expect {
            try Self.settings(values)
        } throws: { error in
            (error as? FeatureError)?.field == "features.regions" && (error as? FeatureError)?.input == "de"
        }
    }

    @Test("regions are looked up in upper case, surrounding spaces ignored")
    func regionLookupIsNormalized() {
        #expect(Fixtures.settings.region(" de ")?.currency == "EUR")
        #expect(Fixtures.settings.region("FR") == nil)
    }

    @Test("the project's pipeline.yaml holds a complete, valid features section")
    func projectFileIsComplete() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("configs/pipeline.yaml").path
        let file = try await FileProvider<YAMLSnapshot>(
            config: ConfigReader(provider: InMemoryProvider(values: ["filePath": .init(.string(path), isSecret: false)])))
        let settings = try FeatureSettings(reader: ConfigReader(provider: file))
        #expect(settings == Fixtures.settings)
    }
}
