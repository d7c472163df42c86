import Features
import ML
import Schema
import Testing

@Suite("Feature encoding")
struct FeatureEncoderTests {
    static let parameters = FittedFeatureParameters(
        featureSchemaVersion: FeatureSchema.version, settings: Fixtures.settings, trainingRows: 10,
        numeric: [
            NumericFeatureParameters(
                name: "livingArea", median: 100, lowerBound: 30, upperBound: 400, mean: 110, standardDeviation: 40,
                presentCount: 9, outlierCount: 1),
            NumericFeatureParameters(
                name: "rooms", median: 4, lowerBound: 1, upperBound: 9, mean: 4, standardDeviation: 2, presentCount: 10,
                outlierCount: 0),
        ],
        categorical: [
            CategoricalFeatureParameters(
                name: "city", levels: ["berlin", "munchen", "other"], foldedValues: ["bonn", "ulm"], presentCount: 10)
        ])
    let encoder = FeatureEncoder(parameters: Self.parameters)

    func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

    @Test("inputs follow the parameters: numbers clipped, levels as codes")
    func encodesInOrder() {
        #expect(
            encoder.features == [.numeric("livingArea"), .numeric("rooms"), .categorical("city", levels: ["berlin", "munchen", "other"])])
        #expect(encoder.modelInput(numeric: ["livingArea": 120, "rooms": 3], categorical: ["city": "munchen"]) == [120, 3, 1])
        #expect(encoder.modelInput(numeric: ["livingArea": 5000, "rooms": 0], categorical: ["city": "berlin"]) == [400, 1, 0])
    }

    @Test("missing, non-finite and unseen values are NaN; folded values take the other level")
    func missingStaysMissing() {
        let nan = Double.nan.bitPattern
        #expect(bits(encoder.modelInput(numeric: [:], categorical: [:])) == [nan, nan, nan])
        #expect(
            bits(encoder.modelInput(numeric: ["livingArea": .nan, "rooms": .infinity], categorical: ["city": "paris"])) == [nan, nan, nan])
        #expect(encoder.modelInput(numeric: ["unknown": 1, "rooms": 2], categorical: ["city": "ulm"])[1...] == [2, 2])
        #expect(encoder.modelInput(numeric: [:], categorical: ["city": "other"])[2] == 2)
        #expect(encoder.modelInput(numeric: [:], categorical: ["city": "Berlin"])[2].isNaN)
        #expect(encoder.modelInput(numeric: [:], categorical: ["city": ""])[2].isNaN)
    }

    @Test("the linear input is clipped, imputed with the median and standardised")
    func linearInput() {
        #expect(encoder.linearInput(numeric: ["livingArea": 150, "rooms": 9], categorical: ["city": "berlin"]) == [1, 2.5, 0])
        #expect(encoder.linearInput(numeric: ["livingArea": 1e9], categorical: [:])[0] == 7.25)
        let imputed = encoder.linearInput(numeric: ["livingArea": .nan], categorical: ["city": "paris"])
        #expect(imputed[0] == -0.25 && imputed[1] == 0 && imputed[2].isNaN)
    }

    @Test("clipped features are named for monitoring")
    func clippedFeaturesAreNamed() {
        #expect(encoder.clippedFeatures(numeric: ["livingArea": 401, "rooms": 0.5]) == ["livingArea", "rooms"])
        #expect(encoder.clippedFeatures(numeric: ["livingArea": 400, "rooms": .nan]) == [])
    }

    @Test("a data set holds one row per feature row, with the targets when asked")
    func dataset() throws {
        let rows = [
            FittedFeatureParametersTests.row(1, ["livingArea": 120], ["city": "bonn"]),
            FittedFeatureParametersTests.row(2, ["rooms": 12], [:]),
        ]
        var labelled = rows
        labelled[0].target = 300_000
        labelled[1].target = 410_000
        let data = try encoder.dataset(rows: labelled, includeTarget: true)
        #expect(data.features == encoder.features && data.rowCount == 2)
        #expect(bits(data.row(0)) == bits([120, .nan, 2]))
        #expect(bits(data.row(1)) == bits([.nan, 9, .nan]))
        #expect(data.target == [300_000, 410_000])
        #expect(try encoder.dataset(rows: rows, includeTarget: false).target == nil)
        let linear = try encoder.linearDataset(rows: labelled, includeTarget: true)
        #expect(bits(linear.row(1)) == bits([-0.25, 2.5, .nan]))
    }

    @Test("asking for targets of unlabelled rows is an error naming the home", arguments: [nil, Double.nan])
    func missingTarget(target: Double?) {
        var row = FittedFeatureParametersTests.row(7, ["rooms": 2])
        row.target = target
        do {
            _ = try encoder.dataset(rows: [row], includeTarget: true)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .missingTarget && error.input == "h7")
        }
    }
}
