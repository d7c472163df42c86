/// The local market a seed home comes from; it decides the synthesized address.
enum SeedMarket: String, Sendable, CaseIterable {
    /// Ames, Iowa (modeldata::ames).
    case ames
    /// Saratoga County, New York (mosaicData::SaratogaHouses).
    case saratoga
    /// Windsor, Ontario (AER::HousePrices).
    case windsor
    /// Synthesized German cities (see ``GermanHomeSynthesizer``).
    case germany
}
