import Foundation

/// A normalised postal address of a home.
///
/// Street names use standard spellings (`Main St`, `King St W`, `Hauptstraße`),
/// words written all in capitals or all in lower case are title-cased, and the
/// state, province or Land is its postal code (`NY`, `ON`, `BY`).
public struct PostalAddress: Sendable, Hashable, Codable {
    /// The street name without the house number: `Main St`, `Hauptstraße`.
    public var street: String
    /// The house number: `123`, `123 1/2`, `5a`, `5-7`.
    public var houseNumber: String?
    /// The apartment or unit identifier without its designator: `4B` for `Apt 4B`.
    public var unit: String?
    /// The city, town or municipality.
    public var city: String?
    /// The state, province or Land as its code: `IL`, `ON`, `BE`.
    public var subdivision: String?
    /// The postal code in the country's format: `62704`, `62704-1234`, `M5V 2T6`, `10115`.
    public var postalCode: String?
    /// The country.
    public var country: Country

    /// Creates an address from already normalised parts.
    public init(
        street: String,
        houseNumber: String? = nil,
        unit: String? = nil,
        city: String? = nil,
        subdivision: String? = nil,
        postalCode: String? = nil,
        country: Country
    ) {
        self.street = street
        self.houseNumber = houseNumber
        self.unit = unit
        self.city = city
        self.subdivision = subdivision
        self.postalCode = postalCode
        self.country = country
    }
}
