/// The column positions of ames.csv the scenario reads.
struct AmesColumns {
    let buildingType: Int, latitude: Int, longitude: Int, price: Int, livingArea: Int, lotArea: Int
    let rooms: Int, bedrooms: Int, fullBath: Int, halfBath: Int, garage: Int, builtYear: Int
    let heating: Int, centralAir: Int

    init(_ table: SeedTable) throws(ScenarioError) {
        buildingType = try table.column("Bldg_Type")
        latitude = try table.column("Latitude")
        longitude = try table.column("Longitude")
        price = try table.column("Sale_Price")
        livingArea = try table.column("Gr_Liv_Area")
        lotArea = try table.column("Lot_Area")
        rooms = try table.column("TotRms_AbvGrd")
        bedrooms = try table.column("Bedroom_AbvGr")
        fullBath = try table.column("Full_Bath")
        halfBath = try table.column("Half_Bath")
        garage = try table.column("Garage_Cars")
        builtYear = try table.column("Year_Built")
        heating = try table.column("Heating")
        centralAir = try table.column("Central_Air")
    }
}
