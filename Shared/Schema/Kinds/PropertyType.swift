/// The kind of building or plot.
public enum PropertyType: String, Codable, Sendable, CaseIterable {
    /// A detached or semi-detached single-family house.
    case house

    /// An apartment or condominium unit.
    case apartment

    /// A townhouse or row house.
    case townhouse

    /// One half of a pair of houses sharing a wall (`Doppelhaushälfte`).
    case semiDetached

    /// A flat owned as a condominium unit.
    case condo

    /// A building with several dwellings sold as one.
    case multiFamily

    /// A plot without a dwelling.
    case land

    /// Anything else (mobile home, farm, mixed use).
    case other
}
