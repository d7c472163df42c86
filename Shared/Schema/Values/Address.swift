/// A postal address in canonical form.
///
/// Sources that give the address as one string are split into these parts by the
/// normalizer; parts it cannot find stay `nil`.
public struct Address: Codable, Sendable, Equatable {
    /// The street name without the house number, for example `"Hauptstraße"`.
    public var street: String?

    /// The house number as written, for example `"12a"` or `"1200"`.
    public var houseNumber: String?

    /// The apartment, suite or unit designator, for example `"Apt 4B"`.
    public var unit: String?

    /// The city or municipality.
    public var city: String

    /// The state, province or federal state, for example `"CA"`, `"ON"` or `"Bayern"`.
    public var state: String?

    /// The postal or ZIP code as text, keeping leading zeros.
    public var postalCode: String?

    /// The ISO 3166-1 alpha-2 country code, for example `"US"`, `"CA"` or `"DE"`.
    public var country: String

    /// Creates an address.
    ///
    /// - Parameters:
    ///   - street: The street name without the house number.
    ///   - houseNumber: The house number as written.
    ///   - unit: The apartment, suite or unit designator.
    ///   - city: The city or municipality.
    ///   - state: The state, province or federal state.
    ///   - postalCode: The postal or ZIP code.
    ///   - country: The ISO 3166-1 alpha-2 country code.
    public init(
        street: String? = nil,
        houseNumber: String? = nil,
        unit: String? = nil,
        city: String,
        state: String? = nil,
        postalCode: String? = nil,
        country: String
    ) {
        self.street = street
        self.houseNumber = houseNumber
        self.unit = unit
        self.city = city
        self.state = state
        self.postalCode = postalCode
        self.country = country
    }
}
