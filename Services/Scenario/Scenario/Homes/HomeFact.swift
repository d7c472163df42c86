import Schema

/// A fact about a home beyond its address and price that a source may or may not state: the
/// scenario's true homes have them all, each source's records carry only some
/// (``ScenarioSource/facts``).
public enum HomeFact: String, Sendable, CaseIterable, Codable {
    case propertyType
    case coordinates
    case livingArea
    case lotArea
    case rooms
    case bedrooms
    case bathrooms
    case garageSpaces
    case builtYear
    case builtMonth
    case heating
    case cooling

    /// Whether `home` has this fact.
    public func isStated(in home: Home) -> Bool {
        switch self {
        case .propertyType: home.propertyType != nil
        case .coordinates: home.coordinates != nil
        case .livingArea: home.livingArea != nil
        case .lotArea: home.lotArea != nil
        case .rooms: home.rooms != nil
        case .bedrooms: home.bedrooms != nil
        case .bathrooms: home.bathrooms != nil
        case .garageSpaces: home.garageSpaces != nil
        case .builtYear: home.builtYear != nil
        case .builtMonth: home.builtMonth != nil
        case .heating: home.heating != nil
        case .cooling: home.cooling != nil
        }
    }

    /// Removes this fact from `home`.
    public func remove(from home: inout Home) {
        switch self {
        case .propertyType: home.propertyType = nil
        case .coordinates: home.coordinates = nil
        case .livingArea: home.livingArea = nil
        case .lotArea: home.lotArea = nil
        case .rooms: home.rooms = nil
        case .bedrooms: home.bedrooms = nil
        case .bathrooms: home.bathrooms = nil
        case .garageSpaces: home.garageSpaces = nil
        case .builtYear: home.builtYear = nil
        case .builtMonth: home.builtMonth = nil
        case .heating: home.heating = nil
        case .cooling: home.cooling = nil
        }
    }
}

extension Home {
    /// This home with only `facts` among the ``HomeFact``s: what a clean copy of sources that
    /// state exactly those facts would say about it (address and price kept).
    public func keepingOnly(_ facts: Set<HomeFact>) -> Home {
        var home = self
        for fact in HomeFact.allCases where !facts.contains(fact) { fact.remove(from: &home) }
        return home
    }
}
