import Configuration

extension FeatureSettings {
    /// Reads the settings under `features.` (in `configs/pipeline.yaml`); every key can be
    /// overridden by its environment variable (`features.cleaning.maxLivingArea` →
    /// `FEATURES_CLEANING_MAX_LIVING_AREA`).
    ///
    /// Every value is required: thresholds have no in-code defaults. `features.regions` lists
    /// the regions, and each needs `features.currency.<region>`,
    /// `features.postalPrefix.<region>` and `features.labels.pricePerSquareMetre.<region>.min`
    /// and `.max`.
    ///
    /// - Throws: ``FeatureError/Code/invalidConfiguration`` naming the missing or bad key.
    public init(reader: ConfigReader) throws(FeatureError) {
        let keys = SettingKeys(reader: reader)
        let cleaning = CleaningBounds(
            minLivingArea: try keys.positiveDouble("features.cleaning.minLivingArea"),
            maxLivingArea: try keys.positiveDouble("features.cleaning.maxLivingArea"),
            minLotArea: try keys.positiveDouble("features.cleaning.minLotArea"),
            maxLotArea: try keys.positiveDouble("features.cleaning.maxLotArea"),
            maxRooms: try keys.int("features.cleaning.maxRooms", atLeast: 0),
            maxBedrooms: try keys.int("features.cleaning.maxBedrooms", atLeast: 0),
            maxBathrooms: try keys.positiveDouble("features.cleaning.maxBathrooms"),
            maxGarageSpaces: try keys.int("features.cleaning.maxGarageSpaces", atLeast: 0),
            minBuiltYear: try keys.int("features.cleaning.minBuiltYear", atLeast: 0),
            maxBuiltYearsAhead: try keys.int("features.cleaning.maxBuiltYearsAhead", atLeast: 0)
        )
        try keys.ordered(cleaning.minLivingArea, cleaning.maxLivingArea, "features.cleaning.maxLivingArea")
        try keys.ordered(cleaning.minLotArea, cleaning.maxLotArea, "features.cleaning.maxLotArea")
        let lower = try keys.fraction("features.outliers.lowerQuantile")
        let upper = try keys.fraction("features.outliers.upperQuantile")
        try keys.ordered(lower, upper, "features.outliers.upperQuantile")
        var regions: [String: RegionFeatureSettings] = [:]
        for name in try keys.strings("features.regions") {
            let code = RegionCode.normalized(name)
            guard !code.isEmpty, regions[code] == nil else {
                throw keys.invalid("features.regions", "region codes must be distinct and not empty", value: name)
            }
            let labels = "features.labels.pricePerSquareMetre.\(name)"
            let minimum = try keys.positiveDouble("\(labels).min")
            let maximum = try keys.positiveDouble("\(labels).max")
            try keys.ordered(minimum, maximum, "\(labels).max")
            regions[code] = RegionFeatureSettings(
                currency: try keys.currency("features.currency.\(name)"),
                postalPrefixLength: try keys.int("features.postalPrefix.\(name)", atLeast: 1),
                pricePerSquareMetre: minimum...maximum
            )
        }
        self.init(
            cleaning: cleaning,
            lowerOutlierQuantile: lower,
            upperOutlierQuantile: upper,
            minLevelCount: try keys.int("features.categorical.minLevelCount", atLeast: 1),
            regions: regions
        )
    }
}

/// Typed reads of required settings that name the full key on failure.
private struct SettingKeys {
    let reader: ConfigReader

    func invalid(_ key: String, _ reason: String, value: String? = nil) -> FeatureError {
        FeatureError(.invalidConfiguration, reason: reason, field: key, input: value)
    }

    /// The value `read` finds under `key`; a missing or mistyped one is an error naming the key.
    func required<Value>(_ key: String, _ what: String, _ read: (ConfigKey) throws -> Value) throws(FeatureError) -> Value {
        do {
            return try read(ConfigKey(key))
        } catch {
            throw invalid(key, "\(what) is required: \(error)")
        }
    }

    func double(_ key: String) throws(FeatureError) -> Double {
        let value = try required(key, "a number") { try reader.requiredDouble(forKey: $0) }
        guard value.isFinite else { throw invalid(key, "must be finite", value: "\(value)") }
        return value
    }

    func positiveDouble(_ key: String) throws(FeatureError) -> Double {
        let value = try double(key)
        guard value > 0 else { throw invalid(key, "must be positive", value: "\(value)") }
        return value
    }

    func fraction(_ key: String) throws(FeatureError) -> Double {
        let value = try double(key)
        guard (0...1).contains(value) else { throw invalid(key, "must lie between 0 and 1", value: "\(value)") }
        return value
    }

    func int(_ key: String, atLeast minimum: Int) throws(FeatureError) -> Int {
        let value = try required(key, "a whole number") { try reader.requiredInt(forKey: $0) }
        guard value >= minimum else { throw invalid(key, "must be at least \(minimum)", value: "\(value)") }
        return value
    }

    func strings(_ key: String) throws(FeatureError) -> [String] {
        try required(key, "a list") { try reader.requiredStringArray(forKey: $0) }
    }

    func currency(_ key: String) throws(FeatureError) -> String {
        let value = try required(key, "a currency code") { try reader.requiredString(forKey: $0) }
        guard value.count == 3, value.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw invalid(key, "must be an ISO 4217 code such as EUR", value: value)
        }
        return value
    }

    /// Checks that `lower` is below `upper`; the error names `key`, the upper one.
    func ordered(_ lower: Double, _ upper: Double, _ key: String) throws(FeatureError) {
        guard lower < upper else { throw invalid(key, "must exceed its lower counterpart \(lower)", value: "\(upper)") }
    }
}
