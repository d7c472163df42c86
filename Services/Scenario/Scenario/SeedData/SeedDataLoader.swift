import Foundation
import Schema

/// Reads the real homes of `data/` (ames.csv, saratoga.csv, windsor.csv) into seed homes.
enum SeedDataLoader {
    private static let squareMetresPerSquareFoot = 0.092_903_04
    private static let squareMetresPerAcre = 4_046.856_422_4

    /// Every seed home of the three files in `folder`, grouped by region.
    static func load(from folder: URL) throws(ScenarioError) -> [ScenarioRegion: [SeedHome]] {
        let ames = try loadAmes(SeedTable(contentsOf: folder.appendingPathComponent("ames.csv")))
        let saratoga = try loadSaratoga(SeedTable(contentsOf: folder.appendingPathComponent("saratoga.csv")))
        let windsor = try loadWindsor(SeedTable(contentsOf: folder.appendingPathComponent("windsor.csv")))
        return [.us: ames + saratoga, .ca: windsor]
    }

    static func loadAmes(_ table: SeedTable) throws(ScenarioError) -> [SeedHome] {
        let c = try AmesColumns(table)
        return table.rows.map { row in
            let fullBaths = Double(row[c.fullBath]) ?? 0
            let halfBaths = Double(row[c.halfBath]) ?? 0
            return SeedHome(
                region: .us,
                market: .ames,
                propertyType: propertyType(amesBuildingType: row[c.buildingType]),
                latitude: Double(row[c.latitude]),
                longitude: Double(row[c.longitude]),
                price: Double(row[c.price]) ?? 0,
                livingArea: Double(row[c.livingArea]).map { $0 * squareMetresPerSquareFoot },
                lotArea: Double(row[c.lotArea]).map { $0 * squareMetresPerSquareFoot },
                rooms: Int(row[c.rooms]),
                bedrooms: Int(row[c.bedrooms]),
                bathrooms: fullBaths + halfBaths / 2,
                garageSpaces: Int(row[c.garage]),
                builtYear: Int(row[c.builtYear]),
                heating: heating(amesCode: row[c.heating]),
                cooling: row[c.centralAir] == "Y" ? "central" : "none"
            )
        }
    }

    static func loadSaratoga(_ table: SeedTable) throws(ScenarioError) -> [SeedHome] {
        let price = try table.column("price"), lot = try table.column("lotSize"), age = try table.column("age")
        let living = try table.column("livingArea"), bedrooms = try table.column("bedrooms")
        let bathrooms = try table.column("bathrooms"), rooms = try table.column("rooms")
        let fuel = try table.column("fuel"), air = try table.column("centralAir")
        return table.rows.map { row in
            SeedHome(
                region: .us,
                market: .saratoga,
                propertyType: .house,
                price: Double(row[price]) ?? 0,
                livingArea: Double(row[living]).map { $0 * squareMetresPerSquareFoot },
                lotArea: Double(row[lot]).flatMap { $0 > 0 ? $0 * squareMetresPerAcre : nil },
                rooms: Int(row[rooms]),
                bedrooms: Int(row[bedrooms]),
                bathrooms: Double(row[bathrooms]),
                builtYear: Int(row[age]).map { 2006 - $0 },
                heating: row[fuel],
                cooling: row[air] == "Yes" ? "central" : "none"
            )
        }
    }

    static func loadWindsor(_ table: SeedTable) throws(ScenarioError) -> [SeedHome] {
        let price = try table.column("price"), lot = try table.column("lotsize")
        let bedrooms = try table.column("bedrooms"), bathrooms = try table.column("bathrooms")
        let gas = try table.column("gasheat"), air = try table.column("aircon"), garage = try table.column("garage")
        return table.rows.map { row in
            SeedHome(
                region: .ca,
                market: .windsor,
                propertyType: .house,
                price: Double(row[price]) ?? 0,
                lotArea: Double(row[lot]).map { $0 * squareMetresPerSquareFoot },
                bedrooms: Int(row[bedrooms]),
                bathrooms: Double(row[bathrooms]),
                garageSpaces: Int(row[garage]),
                heating: row[gas] == "yes" ? "gas" : "electric",
                cooling: row[air] == "yes" ? "central" : "none"
            )
        }
    }

    private static func propertyType(amesBuildingType: String) -> PropertyType {
        switch amesBuildingType {
        case "OneFam": .house
        case "TwnhsE", "Twnhs": .townhouse
        case "Duplex", "TwoFmCon": .multiFamily
        default: .other
        }
    }

    private static func heating(amesCode: String) -> String {
        switch amesCode {
        case "GasA", "GasW", "Grav": "gas"
        case "OthW": "hotWater"
        default: "electric"
        }
    }
}
