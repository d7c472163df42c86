import Foundation
import ML
import Schema

/// Canonical homes made from real house sales (`ames.csv`: Ames, Iowa, 2006–2010 and
/// `windsor.csv`: Windsor, Ontario, 1987, as in the shared data folder), so tests and
/// benchmarks learn from data no HomePrice code generated. Each home is sold (its price a
/// label) and its price entry's fetch time is its sale date.
public enum RealSales {
    /// The Ames sales in `file` as US homes (areas converted from square feet).
    ///
    /// - Throws: `MLError` naming the column and row of a value that is not a number.
    public static func ames(file: URL, limit: Int? = nil) throws -> [Home] {
        let table = try CSVTable.read(path: file.path)
        let column = Columns(table)
        let count = min(limit ?? table.rowCount, table.rowCount)
        return try (0..<count).map { row in
            let sold = saleDate(year: try column.int("Year_Sold", row), month: try column.int("Mo_Sold", row))
            let fullBaths = try column.double("Full_Bath", row), halfBaths = try column.double("Half_Bath", row)
            return home(
                id: "ames-\(row)", region: "US", city: "Ames", postalCode: nil,
                price: Money(amount: try column.double("Sale_Price", row), currency: "USD"), soldAt: sold,
                propertyType: propertyType(column.text("Bldg_Type", row)),
                coordinates: Coordinates(latitude: try column.double("Latitude", row), longitude: try column.double("Longitude", row)),
                livingArea: try column.double("Gr_Liv_Area", row) * squareMetresPerSquareFoot,
                lotArea: try column.double("Lot_Area", row) * squareMetresPerSquareFoot,
                bedrooms: try column.int("Bedroom_AbvGr", row), bathrooms: fullBaths + halfBaths / 2,
                garageSpaces: try column.int("Garage_Cars", row), builtYear: try column.int("Year_Built", row),
                heating: column.text("Heating", row).lowercased(), cooling: column.text("Central_Air", row) == "Y" ? "central" : "none")
        }
    }

    /// The Windsor sales (1987) in `file` as Canadian homes; they have no living area or build year.
    ///
    /// - Throws: `MLError` naming the column and row of a value that is not a number.
    public static func windsor(file: URL, limit: Int? = nil) throws -> [Home] {
        let table = try CSVTable.read(path: file.path)
        let column = Columns(table)
        let count = min(limit ?? table.rowCount, table.rowCount)
        return try (0..<count).map { row in
            home(
                id: "windsor-\(row)", region: "CA", city: "Windsor", postalCode: nil,
                price: Money(amount: try column.double("price", row), currency: "CAD"),
                soldAt: saleDate(year: 1987, month: 1 + row % 12), propertyType: .house, coordinates: nil, livingArea: nil,
                lotArea: try column.double("lotsize", row) * squareMetresPerSquareFoot, bedrooms: try column.int("bedrooms", row),
                bathrooms: try column.double("bathrooms", row), garageSpaces: try column.int("garage", row), builtYear: nil,
                heating: column.text("gasheat", row) == "yes" ? "gas" : nil,
                cooling: column.text("aircon", row) == "yes" ? "central" : "none")
        }
    }

    static let squareMetresPerSquareFoot = 0.09290304

    private static func saleDate(year: Int, month: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: 15))!
    }

    private static func propertyType(_ buildingType: String) -> PropertyType {
        switch buildingType {
        case "OneFam": .house
        case "TwnhsE", "Twnhs", "TwoFmCon": .townhouse
        case "Duplex": .multiFamily
        default: .other
        }
    }

    private static func home(
        id: String, region: String, city: String, postalCode: String?, price: Money, soldAt: Date, propertyType: PropertyType,
        coordinates: Coordinates?, livingArea: Double?, lotArea: Double?, bedrooms: Int?, bathrooms: Double?, garageSpaces: Int?,
        builtYear: Int?, heating: String?, cooling: String?
    ) -> Home {
        Home(
            id: id, region: region, propertyType: propertyType, address: Address(city: city, postalCode: postalCode, country: region),
            coordinates: coordinates, price: price, priceKind: .sold, livingArea: livingArea, lotArea: lotArea, bedrooms: bedrooms,
            bathrooms: bathrooms, garageSpaces: garageSpaces, builtYear: builtYear, heating: heating, cooling: cooling,
            provenance: [
                "price": [ProvenanceEntry(sourceId: "real-data", recordId: id, value: "\(price.amount)", fetchedAt: soldAt, chosen: true)]
            ],
            normalizedAt: soldAt)
    }

    /// Typed reads of one CSV table's cells, naming the column and row on failure.
    private struct Columns {
        let table: CSVTable

        init(_ table: CSVTable) {
            self.table = table
        }

        func text(_ name: String, _ row: Int) -> String {
            guard let index = table.header.firstIndex(of: name) else { return "" }
            return table.columns[index][row]
        }

        func double(_ name: String, _ row: Int) throws -> Double {
            guard let value = Double(text(name, row)) else {
                throw MLError(.invalidValue, "not a number", input: .init(column: name, row: row, value: text(name, row)))
            }
            return value
        }

        func int(_ name: String, _ row: Int) throws -> Int {
            Int(try double(name, row))
        }
    }
}
