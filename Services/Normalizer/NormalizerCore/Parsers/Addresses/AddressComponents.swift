import Foundation

/// An address delivered as separate fields, before normalisation.
///
/// Every field is optional raw text. `street` may carry the house number and unit
/// (`123 Main St Apt 4`); `subdivision` may be a name or a code (`Ontario`, `ON`).
/// Blank fields and placeholders such as `n/a` count as absent.
public struct AddressComponents: Sendable, Hashable, Codable {
    public var street: String?
    public var houseNumber: String?
    public var unit: String?
    public var city: String?
    public var subdivision: String?
    public var postalCode: String?

    /// Creates the fields of an address.
    public init(
        street: String? = nil,
        houseNumber: String? = nil,
        unit: String? = nil,
        city: String? = nil,
        subdivision: String? = nil,
        postalCode: String? = nil
    ) {
        self.street = street
        self.houseNumber = houseNumber
        self.unit = unit
        self.city = city
        self.subdivision = subdivision
        self.postalCode = postalCode
    }
}
