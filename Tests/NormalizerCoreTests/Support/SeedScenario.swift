import Foundation
import NormalizerCore
import Schema
import ServiceSupport
import TestSupport
import Testing

/// The seed scenario's two listings of one home, and a normalizer set up from the project's
/// real configuration and mapping files.
///
/// The flat listing is a record of the scenario source `us-agency-flat`; the nested one comes
/// from a US agency whose feed only the seed scenario has, so its mapping is defined here
/// (``nestedMapping``) and added to the project's catalog, trusted over the flat feed.
enum SeedScenario {
    static let fetchedFlat = Date(timeIntervalSince1970: 1_714_000_000)
    static let fetchedNested = Date(timeIntervalSince1970: 1_714_100_000)
    static let now = Date(timeIntervalSince1970: 1_714_200_000)

    /// The flat listing: `1200 sqft`, `1990-05`, cooling and heating fields.
    static let flat = RawRecord(
        sourceId: "us-agency-flat",
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

    /// The nested agency feed's mapping, as its `configs/sources/us-agency-feed.yaml` would say.
    static let nestedMapping = """
        id: us-agency-feed
        name: US agency feed (nested JSON)
        kind: agencyFeed
        region: US
        currency: USD
        format: json
        locale: en-US
        mapping:
          address.street: { path: address.street }
          address.houseNumber: { path: address.number }
          address.city: { path: address.city }
          address.state: { path: address.state }
          address.postalCode: { path: address.zip }
          price.amount: { path: listing.price.amount }
          price.currency: { path: listing.price.currency }
          priceKind: { path: listing.status }
          livingArea: { path: building.area, unit: m2 }
          builtDate: { path: building.constructed }
          rooms: { path: building.rooms }
          bedrooms: { path: building.bedrooms }
          bathrooms: { path: building.bathrooms }
          garageSpaces: { path: building.garage.spaces }
          heating: { path: temprature system.heating }
          cooling: { path: temprature system.cooling }
        """

    /// The project's configuration, with the nested feed trusted (0.9) over the flat one (0.85).
    static func configuration() async throws -> NormalizerConfiguration {
        var configuration = try await NormalizerConfiguration.load(layout: TestProject.layout)
        configuration.merge.sourceTrust["us-agency-feed"] = 0.9
        return configuration
    }

    /// `configs/sources/` plus the nested feed's mapping.
    static func catalog() throws -> SourceCatalog {
        var catalog = try SourceCatalog.load(directory: TestProject.layout.configs.appendingPathComponent("sources"))
        catalog.update(try SourceMappingDocument(yaml: nestedMapping, origin: "SeedScenario").descriptor(publishedAt: .distantPast))
        return catalog
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

    /// Runs `body` with a normalizer (``normalizer(store:)``) over a fresh warehouse of `kind`,
    /// removed afterwards.
    static func withNormalizer<Value>(on kind: StoreKind, _ body: (Normalizer) async throws -> Value) async throws -> Value {
        try await kind.withFreshPlace { place in try await body(try await normalizer(store: try place.open())) }
    }

    /// The mapping of a German agency's JSON feed with source id `id`: the address from
    /// `strasse`, `nr`, `plz` and `ort`, the price from `preis`, the living area in m² from
    /// `flaeche`, and each of `fields` (`canonical.field: { path: … }` lines) besides.
    static func germanAgencyMapping(id: String, fields: [String]) -> String {
        let common = [
            "address.street: { path: strasse }", "address.houseNumber: { path: nr }", "address.postalCode: { path: plz }",
            "address.city: { path: ort }", "price: { path: preis }", "livingArea: { path: flaeche, unit: m2 }",
        ]
        return "id: \(id)\nkind: agencyFeed\nregion: DE\ncurrency: EUR\nformat: json\nmapping:\n"
            + (common + fields).map { "  \($0)\n" }.joined()
    }

    /// A fresh normalizer that knows the source `mapping` (YAML) normalizes `payloads` as that
    /// source's records (ids `R-0`, `R-1`, …, fetched ``now``), expecting no dead letter.
    /// - Returns: The review tasks raised and the warehouse's homes afterwards.
    static func normalize(payloads: [String], mapping: String) async throws -> (reviewTasks: [ReviewTask], homes: [Home]) {
        let normalizer = try await normalizer()
        let source = try SourceMappingDocument(yaml: mapping, origin: "test").descriptor(publishedAt: .distantPast)
        normalizer.update(source: source)
        var tasks: [ReviewTask] = []
        for (index, payload) in payloads.enumerated() {
            let output = try normalizer.normalize(
                RawRecord(
                    sourceId: source.id, recordId: "R-\(index)", region: source.region, fetchedAt: now,
                    contentType: "application/json", payload: payload))
            #expect(output.deadLetters.isEmpty, "\(output.deadLetters.map(\.reasons))")
            tasks += output.reviewTasks
        }
        return (tasks, try normalizer.store.homes())
    }
}
