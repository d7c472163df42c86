import Features
import Foundation
import ML
import Schema

/// Feature rows of plausible US homes drawn from a seeded generator, for the monitor benchmark:
/// the stream's content does not change the monitor's work per row, only its shape does
/// (numeric and categorical inputs, some missing values).
enum SyntheticFeatureRows {
    /// `count` rows from `seed`, one a second from `start`.
    static func generate(count: Int, seed: UInt64, start: Date = Date(timeIntervalSince1970: 1_750_000_000)) -> [FeatureRow] {
        var generator = SplitMix64(seed: seed)
        let types = ["house", "condo", "townhouse", "multiFamily"], heating = ["gas", "electric", "oil", "heatPump"]
        return (0..<count).map { index in
            let area = 60 + 200 * Double.random(in: 0..<1, using: &generator) * Double.random(in: 0.3..<1, using: &generator)
            let built = Double(Int.random(in: 1900...2022, using: &generator))
            var features: [String: Double] = [
                FeatureName.livingArea: area, FeatureName.bedrooms: Double(Int.random(in: 1...6, using: &generator)),
                FeatureName.bathrooms: Double(Int.random(in: 2...8, using: &generator)) / 2, FeatureName.builtYear: built,
                FeatureName.ageAtObservation: 2025 - built, FeatureName.latitude: Double.random(in: 41.9..<42.1, using: &generator),
                FeatureName.longitude: Double.random(in: -93.7 ..< -93.5, using: &generator),
            ]
            if Int.random(in: 0..<10, using: &generator) > 0 {
                features[FeatureName.lotArea] = area * Double.random(in: 1..<8, using: &generator)
            }
            return FeatureRow(
                homeId: "bench-\(index)", region: "US", featureSchemaVersion: FeatureSchema.version, features: features,
                categorical: [
                    FeatureName.propertyType: types[Int.random(in: 0..<types.count, using: &generator)],
                    FeatureName.heating: heating[Int.random(in: 0..<heating.count, using: &generator)], FeatureName.region: "US",
                ],
                target: area * Double.random(in: 1_500..<3_500, using: &generator), currency: "USD",
                computedAt: start.addingTimeInterval(Double(index)))
        }
    }
}
