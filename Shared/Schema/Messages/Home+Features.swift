extension Home {
    /// The attributes of this home a model predicts from, as a client would send them in a
    /// ``PredictionRequest``; price, provenance and the street address are left out.
    public var features: HomeFeatures {
        HomeFeatures(
            region: region,
            propertyType: propertyType,
            city: address.city,
            postalCode: address.postalCode,
            coordinates: coordinates,
            livingArea: livingArea,
            lotArea: lotArea,
            rooms: rooms,
            bedrooms: bedrooms,
            bathrooms: bathrooms,
            garageSpaces: garageSpaces,
            builtYear: builtYear,
            builtMonth: builtMonth,
            heating: heating,
            cooling: cooling,
            extra: extra.isEmpty ? nil : extra
        )
    }
}
