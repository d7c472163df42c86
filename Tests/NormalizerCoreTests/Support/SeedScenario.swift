import Foundation
import NormalizerCore
import Schema
import TestSupport

/// The seed scenario's two listings of one home, and a normalizer set up from the project's
/// real configuration and mapping files.
enum SeedScenario {
    static let fetchedFlat = Date(timeIntervalSince1970: 1_714_000_000)
    static let fetchedNested = Date(timeIntervalSince1970: 1_714_100_000)
    static let now = Date(timeIntervalSince1970: 1_714_200_000)

    /// The flat listing: `1200 sqft`, `1990-05`, cooling and heating fields.
    static let flat = RawRecord(
        sourceId: "us-listings",
        recordId: "L-1",
        region: "US",
        fetchedAt: fetchedFlat,
        contentType: "application/json",
        payload: """
            {"id": "L-1", "address": "123 Main St, Springfield, IL 62704", "price": "$250,000",
             "sqft": "1200 sqft", "built": "1990-05", "rooms": 7, "beds": 3, "baths": 2,
             "garage": 2, "heating": "Gas forced air", "cooling": "Central A/C", "type": "Single Family"}
            """
    )

    /// The nested agency record: `temprature system`, an address object, `130 m2`, `1990 May`.
    static let nested = RawRecord(
        sourceId: "us-agency-feed",
        recordId: "A-77",
        region: "US",
        fetchedAt: fetchedNested,
        contentType: "application/json",
        payload: """
            {"ref": "A-77",
             "address": {"street": "123 Main Street", "city": "Springfield", "state": "Illinois", "zip": "62704"},
             "listing": {"price": {"amount": 250000, "currency": "USD"}},
             "building": {"area": "130 m2", "constructed": "1990 May", "rooms": 7, "bedrooms": 3,
                          "bathrooms": 2, "garage": {"spaces": 2}},
             "temprature system": {"heating": "natural gas", "cooling": "central air"}}
            """
    )

    static func configuration() async throws -> NormalizerConfiguration {
        try await NormalizerConfiguration.load(layout: TestProject.layout)
    }

    static func catalog() throws -> SourceCatalog {
        try SourceCatalog.load(directory: TestProject.layout.configs.appendingPathComponent("sources"))
    }

    /// A normalizer over a fresh in-memory warehouse.
    static func normalizer(store: (any NormalizerStore)? = nil) async throws -> Normalizer {
        Normalizer(
            configuration: try await configuration(),
            catalog: try catalog(),
            store: try store ?? SQLiteWarehouse(path: ":memory:"),
            clock: { now }
        )
    }
}
