import Foundation
import Schema

/// Synthesizes German homes, which no real data set here provides.
///
/// Price model (documented in `data/ORIGIN.md` too):
///
///     price = livingArea × basePricePerSquareMetre(city) × ageFactor(builtYear)
///             × typeFactor(propertyType) × exp(N(0, 0.12))
///             + lotArea × 0.25 × basePricePerSquareMetre(city)          (houses only)
///
/// rounded to 1,000 €. `ageFactor` is 1.25 from 2015 (new build), 1.05 for 1990–2014, 0.90 for
/// 1950–1989 and 1.05 before 1950 (sought-after Altbau); `typeFactor` is 1.0 for apartments,
/// 0.85 for houses (their lot is priced separately) and 0.95 for townhouses. Living areas are
/// log-normal around 75 m² (apartments), 140 m² (houses) and 120 m² (townhouses).
enum GermanHomeSynthesizer {
    static func synthesize(random: inout SplitMix64) -> (seed: SeedHome, city: GermanCity) {
        let city = GermanCity.all[random.weightedIndex(GermanCity.all.map(\.weight))]
        let type: PropertyType = [PropertyType.apartment, .house, .townhouse][random.weightedIndex([0.6, 0.3, 0.1])]
        let (medianArea, smallest, largest): (Double, Double, Double) =
            switch type {
            case .house: (140, 70, 400)
            case .townhouse: (120, 70, 220)
            default: (75, 25, 220)
            }
        let livingArea = min(max(medianArea * exp(0.33 * random.normal()), smallest), largest).rounded()
        // Era start plus up to 19 years, never after 2025: no home is built in the future.
        let builtYear = min(
            [1905, 1955, 1975, 1995, 2018][random.weightedIndex([0.15, 0.2, 0.3, 0.25, 0.1])]
                + Int(random.next() % 20),
            2025
        )
        let lotArea: Double? = type == .apartment ? nil : (livingArea * random.uniform(1.5...5)).rounded()
        let ageFactor =
            switch builtYear {
            case 2015...: 1.25
            case 1990..<2015: 1.05
            case 1950..<1990: 0.90
            default: 1.05
            }
        let typeFactor =
            switch type {
            case .house: 0.85
            case .townhouse: 0.95
            default: 1.0
            }
        var price = livingArea * city.basePricePerSquareMetre * ageFactor * typeFactor * exp(0.12 * random.normal())
        price += (lotArea ?? 0) * 0.25 * city.basePricePerSquareMetre * (type == .house ? 1 : 0)
        let rooms = max(1, Int((livingArea / 28).rounded()))
        let heating = ["gas", "district", "heatPump", "oil", "electric"][random.weightedIndex([0.45, 0.15, 0.15, 0.15, 0.1])]
        let seed = SeedHome(
            region: .de,
            market: .germany,
            propertyType: type,
            latitude: city.latitude + random.uniform(-0.08...0.08),
            longitude: city.longitude + random.uniform(-0.12...0.12),
            price: (price / 1_000).rounded() * 1_000,
            livingArea: livingArea,
            lotArea: lotArea,
            rooms: rooms,
            bedrooms: max(1, rooms - 1),
            bathrooms: livingArea > 110 ? 2 : 1,
            garageSpaces: type == .apartment ? Int(random.next() % 2) : 1 + Int(random.next() % 2),
            builtYear: builtYear,
            heating: heating,
            cooling: random.chance(0.05) ? "central" : "none"
        )
        return (seed, city)
    }
}
