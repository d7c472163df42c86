import Schema

extension PostalAddress {
    /// The canonical fields of this address, by their names in ``Schema/Home`` (`address.street`, …).
    var canonicalFields: [CanonicalField: String] {
        var fields: [CanonicalField: String] = [.street: street]
        fields[.houseNumber] = houseNumber
        fields[.unit] = unit
        fields[.city] = city
        fields[.state] = subdivision
        fields[.postalCode] = postalCode
        return fields
    }
}
