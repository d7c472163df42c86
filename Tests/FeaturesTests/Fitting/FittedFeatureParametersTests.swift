import Features
import Foundation
import Schema
import Testing

@Suite("Fitting feature parameters")
struct FittedFeatureParametersTests {
    static func row(_ id: Int, _ numeric: [String: Double], _ categorical: [String: String] = [:], retired: Bool = false) -> FeatureRow {
        FeatureRow(
            homeId: "h\(id)", region: "DE", featureSchemaVersion: FeatureSchema.version, features: numeric,
            categorical: categorical, retired: retired, computedAt: Fixtures.date("2024-01-01T00:00:00Z"))
    }

    static func settings(lower: Double = 0.1, upper: Double = 0.9, minLevelCount: Int = 3) -> FeatureSettings {
        var settings = Fixtures.settings
        settings.lowerOutlierQuantile = lower
        settings.upperOutlierQuantile = upper
        settings.minLevelCount = minLevelCount
        return settings
    }

    @Test("the same rows in any order give identical parameters")
    func orderDoesNotMatter() throws {
        let rows = Fixtures.soldHomes(count: 300).map {
            FeatureRowBuilder(settings: Fixtures.settings).build(from: $0, computedAt: Fixtures.date("2024-01-01T00:00:00Z")).row
        }
        let fitted = try FittedFeatureParameters.fit(rows: rows, settings: Self.settings())
        let interleaved = rows.enumerated().sorted { ($0.offset * 7919) % 301 < ($1.offset * 7919) % 301 }.map(\.element)
        #expect(try FittedFeatureParameters.fit(rows: rows.reversed(), settings: Self.settings()) == fitted)
        #expect(try FittedFeatureParameters.fit(rows: interleaved, settings: Self.settings()) == fitted)
    }

    @Test("inputs are the numeric names sorted, then the categorical names sorted")
    func featureOrder() throws {
        let rows = [
            Self.row(1, ["zeta": 1, "alpha": 2], ["region": "DE"]),
            Self.row(2, ["Beta": 3], ["city": "berlin", "Zone": "a"]),
        ]
        let fitted = try FittedFeatureParameters.fit(rows: rows, settings: Self.settings(minLevelCount: 1))
        #expect(fitted.featureNames == ["Beta", "alpha", "zeta", "Zone", "city", "region"])
        #expect(fitted.featureInfos.map(\.kind) == [.numeric, .numeric, .numeric, .categorical, .categorical, .categorical])
        #expect(fitted.featureInfos[4].levels == ["berlin"])
        #expect(fitted.trainingRows == 2 && fitted.settings == Self.settings(minLevelCount: 1))
    }

    @Test("levels are sorted, and levels rarer than the minimum fold into other")
    func rareLevelsFold() throws {
        let cities = Array(repeating: "köln", count: 5) + Array(repeating: "berlin", count: 3) + ["bonn", "ulm", "ulm"]
        let rows = cities.enumerated().map { Self.row($0.offset, [:], ["city": $0.element]) } + [Self.row(99, [:])]
        let city = try #require(try FittedFeatureParameters.fit(rows: rows, settings: Self.settings()).categorical.first)
        #expect(city.levels == ["berlin", "köln", "other"])
        #expect(city.foldedValues == ["bonn", "ulm"])
        #expect(city.presentCount == 11)
    }

    @Test("a genuine other value shares the other level, and without rare values no other level appears")
    func genuineOther() throws {
        let common = (0..<4).map { Self.row($0, [:], ["propertyType": "house"]) }
        let withOther = try FittedFeatureParameters.fit(
            rows: common + [Self.row(9, [:], ["propertyType": "other"])], settings: Self.settings())
        #expect(withOther.categorical.first?.levels == ["house", "other"])
        #expect(withOther.categorical.first?.foldedValues == [])
        let plain = try FittedFeatureParameters.fit(rows: common, settings: Self.settings())
        #expect(plain.categorical.first?.levels == ["house"])
    }

    @Test("the median imputes, the quantiles bound, and values beyond them are counted", arguments: [false, true])
    func numericParameters(evenCount: Bool) throws {
        let values = (1...(evenCount ? 100 : 101)).map(Double.init)
        let rows = values.enumerated().map { Self.row($0.offset, ["x": $0.element]) }
        let x = try #require(try FittedFeatureParameters.fit(rows: rows, settings: Self.settings()).numeric.first)
        #expect(x.median == (evenCount ? 50.5 : 51))
        #expect(abs(x.lowerBound - (evenCount ? 10.9 : 11)) < 1e-9)
        #expect(abs(x.upperBound - (evenCount ? 90.1 : 91)) < 1e-9)
        #expect(x.outlierCount == 20)
        #expect(x.presentCount == values.count)
    }

    @Test("the scaling is the mean and standard deviation after clipping and imputing the median")
    func scaling() throws {
        // x: 0, 10, 20, 1000 and one missing; bounds at the 0 and 0.75 quantiles: [0, 265].
        let rows = [0.0, 10, 20, 1000].enumerated().map { Self.row($0.offset, ["x": $0.element]) } + [Self.row(9, [:])]
        let x = try #require(try FittedFeatureParameters.fit(rows: rows, settings: Self.settings(lower: 0, upper: 0.75)).numeric.first)
        #expect(x.median == 15 && x.lowerBound == 0 && x.upperBound == 265 && x.outlierCount == 1)
        let imputed = [0.0, 10, 20, 265, 15]
        let mean = imputed.sorted().reduce(0, +) / 5
        #expect(x.mean == mean)
        #expect(x.standardDeviation == (imputed.sorted().reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 5).squareRoot())
    }

    @Test("a constant feature scales by one")
    func constantFeature() throws {
        let rows = (0..<5).map { Self.row($0, ["x": 7]) }
        let x = try #require(try FittedFeatureParameters.fit(rows: rows, settings: Self.settings()).numeric.first)
        #expect(x.mean == 7 && x.standardDeviation == 1 && x.lowerBound == 7 && x.upperBound == 7 && x.outlierCount == 0)
    }

    @Test("retired rows are not fitted on")
    func retiredRowsAreSkipped() throws {
        let rows = [Self.row(1, ["x": 1], ["c": "kept"]), Self.row(2, ["x": 1000, "y": 5], ["c": "gone"], retired: true)]
        let fitted = try FittedFeatureParameters.fit(rows: rows, settings: Self.settings(minLevelCount: 1))
        #expect(fitted.featureNames == ["x", "c"])
        #expect(fitted.numeric.first?.median == 1 && fitted.categorical.first?.levels == ["kept"] && fitted.trainingRows == 1)
    }

    @Test("without rows to fit on, fitting is an error", arguments: [0, 3])
    func noRows(retiredCount: Int) {
        let rows = (0..<retiredCount).map { Self.row($0, ["x": 1], retired: true) }
        #expect(throws: FeatureError.self) { try FittedFeatureParameters.fit(rows: rows, settings: Self.settings()) }
        do {
            _ = try FittedFeatureParameters.fit(rows: rows, settings: Self.settings())
        } catch {
            #expect(error.code == .noTrainingRows)
        }
    }
}
