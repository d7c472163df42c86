/// A German city of the synthesized market.
struct GermanCity: Sendable {
    /// The city name, for example `"München"`.
    let name: String
    /// The federal state.
    let state: String
    /// The lowest and highest postal code of the city.
    let postalCodes: ClosedRange<Int>
    /// The typical asking price per square metre of living area, in euros (rough 2023 levels).
    let basePricePerSquareMetre: Double
    /// The city centre.
    let latitude: Double, longitude: Double
    /// The relative share of homes in this city.
    let weight: Double

    static let all: [GermanCity] = [
        GermanCity(
            name: "Berlin", state: "Berlin", postalCodes: 10115...14199, basePricePerSquareMetre: 4_800, latitude: 52.52, longitude: 13.405,
            weight: 8),
        GermanCity(
            name: "Hamburg", state: "Hamburg", postalCodes: 20095...22769, basePricePerSquareMetre: 5_600, latitude: 53.551,
            longitude: 9.994, weight: 5),
        GermanCity(
            name: "München", state: "Bayern", postalCodes: 80331...81929, basePricePerSquareMetre: 8_500, latitude: 48.137,
            longitude: 11.575, weight: 4),
        GermanCity(
            name: "Köln", state: "Nordrhein-Westfalen", postalCodes: 50667...51149, basePricePerSquareMetre: 4_300, latitude: 50.938,
            longitude: 6.960, weight: 3),
        GermanCity(
            name: "Frankfurt am Main", state: "Hessen", postalCodes: 60306...60599, basePricePerSquareMetre: 5_500, latitude: 50.110,
            longitude: 8.682, weight: 2.5),
        GermanCity(
            name: "Stuttgart", state: "Baden-Württemberg", postalCodes: 70173...70629, basePricePerSquareMetre: 5_200, latitude: 48.776,
            longitude: 9.183, weight: 2),
        GermanCity(
            name: "Düsseldorf", state: "Nordrhein-Westfalen", postalCodes: 40210...40629, basePricePerSquareMetre: 4_700, latitude: 51.228,
            longitude: 6.774, weight: 2),
        GermanCity(
            name: "Leipzig", state: "Sachsen", postalCodes: 4103...4357, basePricePerSquareMetre: 2_600, latitude: 51.340,
            longitude: 12.375, weight: 2),
        GermanCity(
            name: "Dresden", state: "Sachsen", postalCodes: 1067...1328, basePricePerSquareMetre: 2_800, latitude: 51.050,
            longitude: 13.738, weight: 2),
        GermanCity(
            name: "Dortmund", state: "Nordrhein-Westfalen", postalCodes: 44135...44388, basePricePerSquareMetre: 2_400, latitude: 51.514,
            longitude: 7.466, weight: 2),
        GermanCity(
            name: "Nürnberg", state: "Bayern", postalCodes: 90402...90491, basePricePerSquareMetre: 3_900, latitude: 49.452,
            longitude: 11.077, weight: 1.5),
        GermanCity(
            name: "Hannover", state: "Niedersachsen", postalCodes: 30159...30669, basePricePerSquareMetre: 3_300, latitude: 52.376,
            longitude: 9.732, weight: 1.5),
        GermanCity(
            name: "Bremen", state: "Bremen", postalCodes: 28195...28779, basePricePerSquareMetre: 2_900, latitude: 53.079, longitude: 8.802,
            weight: 1.2),
        GermanCity(
            name: "Freiburg im Breisgau", state: "Baden-Württemberg", postalCodes: 79098...79117, basePricePerSquareMetre: 5_000,
            latitude: 47.999, longitude: 7.842, weight: 0.8),
        GermanCity(
            name: "Münster", state: "Nordrhein-Westfalen", postalCodes: 48143...48167, basePricePerSquareMetre: 4_100, latitude: 51.962,
            longitude: 7.626, weight: 0.8),
    ]
}
