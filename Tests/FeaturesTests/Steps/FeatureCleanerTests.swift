import Features
import Schema
import Testing

@Suite("Cleaning step")
struct FeatureCleanerTests {
    let cleaner = FeatureCleaner(bounds: Fixtures.cleaning)

    func clean(_ change: (inout HomeFeatures) -> Void) -> (HomeFeatures, [FeatureIssue]) {
        var features = Fixtures.fullFeatures
        change(&features)
        var issues: [FeatureIssue] = []
        return (cleaner.clean(features, observedYear: 2024, issues: &issues), issues)
    }

    @Test("a plausible home passes unchanged and without issues")
    func plausibleHomePasses() {
        let (cleaned, issues) = clean { _ in }
        #expect(cleaned == Fixtures.fullFeatures)
        #expect(issues.isEmpty)
    }

    @Test("values exactly on a bound are kept")
    func boundsAreInclusive() {
        let (cleaned, issues) = clean {
            $0.livingArea = 10
            $0.lotArea = 10_000_000
            $0.rooms = 0
            $0.bedrooms = 30
            $0.bathrooms = 0
            $0.garageSpaces = 20
            $0.builtYear = 2025
            $0.builtMonth = 12
            $0.coordinates = Coordinates(latitude: -90, longitude: 180)
        }
        #expect(issues.isEmpty)
        #expect(cleaned.livingArea == 10 && cleaned.builtYear == 2025 && cleaned.coordinates?.latitude == -90)
    }

    static let garbage: [(String, FeatureIssue.Reason, @Sendable (inout HomeFeatures) -> Void)] = [
        ("livingArea", .notFinite, { $0.livingArea = .nan }),
        ("livingArea", .notFinite, { $0.livingArea = .infinity }),
        ("livingArea", .notFinite, { $0.livingArea = -.infinity }),
        ("livingArea", .belowMinimum, { $0.livingArea = 0 }),
        ("livingArea", .belowMinimum, { $0.livingArea = -120 }),
        ("livingArea", .belowMinimum, { $0.livingArea = .leastNonzeroMagnitude }),
        ("livingArea", .aboveMaximum, { $0.livingArea = 12_917 }),
        ("livingArea", .aboveMaximum, { $0.livingArea = .greatestFiniteMagnitude }),
        ("lotArea", .belowMinimum, { $0.lotArea = 0 }),
        ("lotArea", .aboveMaximum, { $0.lotArea = 1e15 }),
        ("lotArea", .notFinite, { $0.lotArea = .nan }),
        ("rooms", .negative, { $0.rooms = -1 }),
        ("rooms", .notFinite, { $0.rooms = -.infinity }),
        ("rooms", .notFinite, { $0.rooms = .infinity }),
        ("rooms", .aboveMaximum, { $0.rooms = 1e9 }),
        ("bedrooms", .aboveMaximum, { $0.bedrooms = 31 }),
        ("bathrooms", .negative, { $0.bathrooms = -0.5 }),
        ("bathrooms", .notFinite, { $0.bathrooms = .nan }),
        ("bathrooms", .aboveMaximum, { $0.bathrooms = 1e300 }),
        ("garageSpaces", .negative, { $0.garageSpaces = -2 }),
        ("garageSpaces", .aboveMaximum, { $0.garageSpaces = 500 }),
        ("builtYear", .belowMinimum, { $0.builtYear = 1066 }),
        ("builtYear", .belowMinimum, { $0.builtYear = -5 }),
        ("builtYear", .belowMinimum, { $0.builtYear = Int.min }),
        ("builtYear", .afterObservation, { $0.builtYear = 2026 }),
        ("builtYear", .afterObservation, { $0.builtYear = Int.max }),
        ("builtMonth", .outOfRange, { $0.builtMonth = 0 }),
        ("builtMonth", .outOfRange, { $0.builtMonth = 13 }),
        ("builtMonth", .outOfRange, { $0.builtMonth = -3 }),
        ("coordinates.latitude", .outOfRange, { $0.coordinates = Coordinates(latitude: 90.5, longitude: 0) }),
        ("coordinates.latitude", .notFinite, { $0.coordinates = Coordinates(latitude: .nan, longitude: 0) }),
        ("coordinates.longitude", .outOfRange, { $0.coordinates = Coordinates(latitude: 0, longitude: -180.01) }),
        ("coordinates.longitude", .notFinite, { $0.coordinates = Coordinates(latitude: 45, longitude: .infinity) }),
    ]

    @Test("an impossible value becomes missing with one issue naming the field and the reason", arguments: garbage.indices)
    func impossibleValueBecomesMissing(index: Int) {
        let (field, reason, change) = Self.garbage[index]
        let (cleaned, issues) = clean(change)
        #expect(issues.map(\.field) == [field])
        #expect(issues.map(\.reason) == [reason])
        let kept: [String: Bool] = [
            "livingArea": cleaned.livingArea != nil, "lotArea": cleaned.lotArea != nil, "rooms": cleaned.rooms != nil,
            "bedrooms": cleaned.bedrooms != nil, "bathrooms": cleaned.bathrooms != nil,
            "garageSpaces": cleaned.garageSpaces != nil, "builtYear": cleaned.builtYear != nil,
            "builtMonth": cleaned.builtMonth != nil, "coordinates.latitude": cleaned.coordinates != nil,
            "coordinates.longitude": cleaned.coordinates != nil,
        ]
        #expect(kept[field] == false)
        #expect(kept.filter { !$0.value }.count == 1 || field.hasPrefix("coordinates"))
    }

    @Test("the issue keeps the value as given")
    func issueKeepsTheValue() {
        let (_, issues) = clean { $0.livingArea = -120 }
        #expect(issues == [FeatureIssue(field: "livingArea", reason: .belowMinimum, value: "-120.0")])
    }

    @Test("text fields pass through untouched, even empty or exotic")
    func textPassesThrough() {
        let (cleaned, issues) = clean {
            $0.city = ""
            $0.heating = "🔥"
            $0.postalCode = "\u{0}"
        }
        #expect(issues.isEmpty)
        #expect(cleaned.city == "" && cleaned.heating == "🔥" && cleaned.postalCode == "\u{0}")
    }
}
