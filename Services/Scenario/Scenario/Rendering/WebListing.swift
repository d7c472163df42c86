/// One listing of the scenario website: the home and what the page shows.
public struct WebListing: Codable, Sendable, Equatable {
    /// The listing id shown in the page URL and the JSON-LD `identifier`.
    public var listingId: String
    /// The true home.
    public var home: ScenarioHome
    /// The asking price the page shows, in the home's currency.
    public var askingPrice: Double

    /// Creates a listing.
    public init(listingId: String, home: ScenarioHome, askingPrice: Double) {
        self.listingId = listingId
        self.home = home
        self.askingPrice = askingPrice
    }
}
