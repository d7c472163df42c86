import Schema

/// The derived-feature step: the numeric model inputs of a cleaned home.
///
/// Stateless: every value is computed from the home and the observation alone, and a value
/// the home does not have is absent (imputation is fitted, see ``FittedFeatureParameters``).
/// Apply it to cleaned features (``FeatureCleaner``); a value that is not finite all the same
/// (a ratio over a zero area allowed by loose bounds) is left out, so every result is finite.
public enum NumericDerivation {
    /// The numeric features of `features` observed at `observation`, by ``FeatureName``.
    ///
    /// ``FeatureName/ageAtObservation`` is the observation year minus the construction year,
    /// plus (observation month − build month) / 12 when the build month is known.
    /// ``FeatureName/lotToLivingRatio`` needs both areas; ``FeatureName/livingAreaPerRoom``
    /// needs at least one room.
    public static func values(of features: HomeFeatures, at observation: Observation) -> [String: Double] {
        var values: [String: Double] = [
            FeatureName.observedYear: Double(observation.year),
            FeatureName.observedMonth: Double(observation.month),
        ]
        values[FeatureName.livingArea] = features.livingArea
        values[FeatureName.lotArea] = features.lotArea
        values[FeatureName.rooms] = features.rooms
        values[FeatureName.bedrooms] = features.bedrooms.map(Double.init)
        values[FeatureName.bathrooms] = features.bathrooms
        values[FeatureName.garageSpaces] = features.garageSpaces.map(Double.init)
        values[FeatureName.latitude] = features.coordinates?.latitude
        values[FeatureName.longitude] = features.coordinates?.longitude
        if let builtYear = features.builtYear {
            values[FeatureName.builtYear] = Double(builtYear)
            var age = Double(observation.year) - Double(builtYear)
            if let builtMonth = features.builtMonth {
                age += Double(observation.month - builtMonth) / 12
            }
            values[FeatureName.ageAtObservation] = age
        }
        if let lot = features.lotArea, let living = features.livingArea {
            values[FeatureName.lotToLivingRatio] = lot / living
        }
        if let living = features.livingArea, let rooms = features.rooms, rooms > 0 {
            values[FeatureName.livingAreaPerRoom] = living / rooms
        }
        return values.filter { $0.value.isFinite }
    }
}
