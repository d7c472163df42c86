/// A market region of the scenario.
public enum ScenarioRegion: String, Codable, Sendable, CaseIterable {
    /// The United States (Ames, Iowa and Saratoga County, New York).
    case us = "US"
    /// Canada (Windsor, Ontario).
    case ca = "CA"
    /// Germany (synthesized).
    case de = "DE"

    /// The ISO 4217 currency of prices in the region.
    public var currency: String {
        switch self {
        case .us: "USD"
        case .ca: "CAD"
        case .de: "EUR"
        }
    }
}
