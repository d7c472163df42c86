/// Scores two mapped records on their normalised addresses and shared attributes.
///
/// The address parts come from the records' matching keys (country, postal code or city,
/// street, house number, unit); streets compare by edit distance, the other parts exactly.
/// Attributes compare where both records give them: whole numbers exactly, areas within the
/// configured tolerance, terms by their canonical spelling.
///
/// Two flats at one address are told apart by their unit or floor: when both records give a
/// unit, or both give a floor, and they differ, the records are different homes whatever the
/// rest of the score says.
struct RecordSimilarity: Sendable {
    let settings: ResolutionSettings

    private static let exactAttributes = ["builtYear", "rooms", "bedrooms", "garageSpaces", "propertyType", "bathrooms"]
    private static let approximateAttributes = ["livingArea", "lotArea"]

    /// The score of two records, or `nil` when either has no street address, they lie in
    /// different countries, or their units or floors differ.
    func score(_ left: MappedRecord, _ right: MappedRecord) -> SimilarityScore? {
        guard let leftKey = left.matchingKey, let rightKey = right.matchingKey else { return nil }
        let a = leftKey.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        let b = rightKey.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard a.count == 5, b.count == 5, a[0] == b[0], !vetoes(left, right) else { return nil }
        let weights = settings.weights
        let addressWeight = weights.postalCode + weights.street + weights.houseNumber + weights.unit
        let addressSum =
            weights.postalCode * (a[1] == b[1] && !a[1].isEmpty ? 1 : 0)
            + weights.street * Self.textSimilarity(a[2], b[2])
            + weights.houseNumber * (a[3] == b[3] && !a[3].isEmpty ? 1 : 0)
            + weights.unit * (a[4] == b[4] ? 1 : 0)
        let attributes = attributeAgreement(left, right)
        let total =
            (addressSum + (attributes ?? 0) * weights.attributes)
            / (addressWeight + (attributes == nil ? 0 : weights.attributes))
        return SimilarityScore(
            address: addressSum / addressWeight, attributes: attributes, total: total, sameHouseNumber: !a[3].isEmpty && a[3] == b[3],
            samePlace: a[1].isEmpty || b[1].isEmpty || a[1] == b[1])
    }

    /// Whether two records are certainly different homes: both give a unit, or both a floor,
    /// and they differ (two flats at one address).
    func vetoes(_ left: MappedRecord, _ right: MappedRecord) -> Bool {
        let unit = CanonicalField.unit.rawValue
        let floor = CanonicalField.floor.rawValue
        if let a = left[unit], let b = right[unit], !a.agrees(with: b, relativeTolerance: 0) { return true }
        if let a = left[floor], let b = right[floor], a != b { return true }
        return false
    }

    /// The fraction of attributes both records give that agree.
    private func attributeAgreement(_ left: MappedRecord, _ right: MappedRecord) -> Double? {
        var shared = 0
        var agreeing = 0
        for field in Self.exactAttributes + Self.approximateAttributes {
            guard let a = left[field], let b = right[field] else { continue }
            shared += 1
            let tolerance = Self.approximateAttributes.contains(field) ? settings.attributeTolerance : 0.001
            if a.agrees(with: b, relativeTolerance: tolerance) { agreeing += 1 }
        }
        return shared == 0 ? nil : Double(agreeing) / Double(shared)
    }

    /// 1 minus the edit distance over the longer length; 0 for an empty side.
    private static func textSimilarity(_ a: String, _ b: String) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let longest = max(a.count, b.count)
        guard let distance = EditDistance.between(a, b, limit: longest) else { return 0 }
        return 1 - Double(distance) / Double(longest)
    }
}
