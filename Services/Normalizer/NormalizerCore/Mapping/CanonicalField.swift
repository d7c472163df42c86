/// A field a source mapping can fill, by its name in ``Schema/SourceDescriptor/mapping``.
///
/// Most names are the JSON paths of ``Schema/Home``. Three read one source value into
/// several canonical fields: `address` (one address line, split into the `address.*`
/// fields), `price` (amount and currency in one text, such as `$130,000`) and `builtDate`
/// (a date such as `1990-05`, giving `builtYear` and `builtMonth`). `priceDate` (the date
/// the price applies to: a listing's or a sale's date) is not part of the home; the merge policy
/// uses it (else `saleDate` for a sale, `listingDate` for an asking price) to find the most
/// recent record, and the home's price history dates each price by it. Dates that do not exist
/// (`02/30/2019`) reject the record. Names starting with
/// `extra.` keep the source text as it is.
public enum CanonicalField: String, Sendable, CaseIterable {
    case address
    case street = "address.street"
    case houseNumber = "address.houseNumber"
    case unit = "address.unit"
    case city = "address.city"
    case state = "address.state"
    case postalCode = "address.postalCode"
    case price
    case priceAmount = "price.amount"
    case priceCurrency = "price.currency"
    case priceKind
    case propertyType
    case livingArea
    case lotArea
    case rooms
    case bedrooms
    case bathrooms
    case garageSpaces
    case builtDate
    case builtYear
    case builtMonth
    case heating
    case cooling
    case priceDate
    case listingDate
    case saleDate
    case floor
    /// The record's country (`US`, `Canada`, `Deutschland`) for sources that list homes of
    /// several countries; read before every other field, since it decides how they are parsed.
    case region
    case latitude = "coordinates.latitude"
    case longitude = "coordinates.longitude"

    /// The prefix of free-form attributes: `extra.pool`.
    public static let extraPrefix = "extra."

    /// Whether this field holds a term of a vocabulary that a home can do without: a term no
    /// vocabulary knows is recorded as unmapped instead of rejecting the home.
    var isOptionalTerm: Bool {
        switch self {
        case .heating, .cooling, .propertyType, .floor: true
        default: false
        }
    }

    /// Whether this field is one part of an address given as separate fields.
    var isAddressComponent: Bool {
        switch self {
        case .street, .houseNumber, .unit, .city, .state, .postalCode: true
        default: false
        }
    }
}
