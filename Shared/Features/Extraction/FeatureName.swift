/// The names of the features the extractor computes, as they appear in ``Schema/FeatureRow``
/// and in a model's inputs.
public enum FeatureName {
    /// Years between construction and observation, with a month fraction when the build
    /// month is known; may be slightly negative for a home sold before completion.
    public static let ageAtObservation = "ageAtObservation"
    /// The UTC year of the observation date.
    public static let observedYear = "observedYear"
    /// The UTC month (1–12) of the observation date.
    public static let observedMonth = "observedMonth"
    /// The living area in square metres.
    public static let livingArea = "livingArea"
    /// The lot area in square metres.
    public static let lotArea = "lotArea"
    /// The number of rooms.
    public static let rooms = "rooms"
    /// The number of bedrooms.
    public static let bedrooms = "bedrooms"
    /// The number of bathrooms.
    public static let bathrooms = "bathrooms"
    /// The number of garage spaces.
    public static let garageSpaces = "garageSpaces"
    /// The construction year.
    public static let builtYear = "builtYear"
    /// Degrees north.
    public static let latitude = "latitude"
    /// Degrees east.
    public static let longitude = "longitude"
    /// Lot area over living area.
    public static let lotToLivingRatio = "lotToLivingRatio"
    /// Living area over the number of rooms (when there is at least one room).
    public static let livingAreaPerRoom = "livingAreaPerRoom"

    /// The property type's canonical term.
    public static let propertyType = "propertyType"
    /// The city, case and diacritics folded.
    public static let city = "city"
    /// The first characters of the postal code (length per region).
    public static let postalPrefix = "postalPrefix"
    /// The heating term, folded.
    public static let heating = "heating"
    /// The cooling term, folded.
    public static let cooling = "cooling"
    /// The region code, upper case.
    public static let region = "region"
}
