import Foundation
import NormalizerCore
import Schema
import ServerCore
import Testing

@Suite("Raw records: the normalizer's own mapping and parsers")
struct RawRecordReaderTests {
    /// Records as the sources publish them (`configs/sources/*.yaml`): German units, dates and
    /// prices, an American address in one string and square feet.
    static let records: [(source: String, payload: String)] = [
        (
            "de-agency-nested",
            """
            {"objekt": {"nummer": "IM-3235539845", "typ": "Wohnung",
              "adresse": {"strasse": "Birkenweg", "hausnummer": "6", "plz": "11163", "ort": "Berlin", "bundesland": "Berlin"},
              "flaechen": {"wohnflaeche": "79 m2", "grundstueck": "324 m²"},
              "preis": {"betrag": "284.000 €", "art": "Angebotspreis"}, "baujahr": "Mai 1990",
              "zimmer": 3, "schlafzimmer": 2, "badezimmer": 1, "stellplaetze": 1, "heizung": "Gasheizung", "klimaanlage": false},
             "geo": {"breite": 52.58, "laenge": 13.35}}
            """
        ),
        (
            "us-agency-flat",
            """
            {"listingId": "A-3507199262", "address": "1620 Nelson Ave, Clifton Park, NY 12065", "price": "$226,000",
             "sqft": "1391 sqft", "lotSqft": 10893, "built": "1993-07", "beds": 3, "baths": 2, "rooms": 8, "garage": 1,
             "heating": "Gas Forced Air", "cooling": "Central Air", "type": "Single Family", "lat": 42.844204, "lng": -73.791346}
            """
        ),
    ]

    @Test("a raw record's features equal those of the home the normalizer makes of the same record", arguments: records.indices)
    func sameAsTheNormalizer(index: Int) async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let (source, payload) = Self.records[index]
        let at = Date(timeIntervalSince1970: 1_764_000_000)
        let catalog = try SourceCatalog.load(directory: fixture.configuration.sourcesDirectory)
        let served = try RawRecordReader(catalog: catalog, configuration: fixture.configuration.normalizer)
            .features(sourceId: source, payload: payload, recordId: "r-1", at: at)
        let descriptor = try #require(catalog[source])
        let record = RawRecord(
            sourceId: source, recordId: "r-1", region: descriptor.region, fetchedAt: at, contentType: "application/json", payload: payload)
        let normalizer = Normalizer(
            configuration: fixture.configuration.normalizer, catalog: catalog, store: try SQLiteWarehouse(path: ":memory:", clock: { at }),
            clock: { at })
        let home = try #require(try normalizer.normalize(record).homes.first)
        #expect(served == home.features)
        #expect(served.livingArea != nil && served.builtYear != nil)
    }

    /// A reader over the fixture's source mappings.
    private static func reader(_ fixture: ServerFixture) throws -> RawRecordReader {
        RawRecordReader(
            catalog: try SourceCatalog.load(directory: fixture.configuration.sourcesDirectory),
            configuration: fixture.configuration.normalizer)
    }

    @Test("an unknown source and an unparsable field are refused, naming what failed")
    func refusals() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let reader = try Self.reader(fixture)
        let unknown = #expect(throws: ServerError.self) {
            try reader.features(sourceId: "no-such-source", payload: "{}", recordId: "r", at: Date())
        }
        #expect(unknown?.code == .unknownSource && unknown?.field == "source")
        let broken = #expect(throws: ServerError.self) {
            try reader.features(sourceId: "us-agency-flat", payload: "{\"sqft\": \"lots\"", recordId: "r", at: Date())
        }
        #expect(broken?.code == .unmappableRecord)
    }

    @Test("a home to be priced needs no sale: a register's record without the price its mapping requires is read")
    func noSaleNeeded() async throws {
        let fixture = try await ServerFixture()
        defer { fixture.remove() }
        let reader = try Self.reader(fixture)
        let header = "PARCEL_ID,SITE_ADDRESS,CITY,STATE,ZIP,SALE_PRICE,YEAR_BUILT,LIVING_SQFT,LOT_ACRES,BEDROOMS,FULL_BATHS,HALF_BATHS"
        let features = try reader.features(
            sourceId: "us-county-sales", payload: header + "\nP1,2317 CIRCULAR ST,CLIFTON PARK,NY,12065,,1989,1008,5,2,1,0",
            recordId: "P1", at: Date(timeIntervalSince1970: 1_764_000_000))
        #expect(features.builtYear == 1989 && features.bedrooms == 2 && features.livingArea.map { ($0 - 93.65).magnitude < 0.01 } == true)
        // What the home itself needs stays required: a record without its street is refused.
        let noStreet = #expect(throws: ServerError.self) {
            try reader.features(
                sourceId: "us-county-sales", payload: header + "\nP2,,CLIFTON PARK,NY,12065,,1989,1008,5,2,1,0", recordId: "P2",
                at: Date(timeIntervalSince1970: 1_764_000_000))
        }
        #expect(noStreet?.code == .unmappableRecord && noStreet?.field == "record.address.street", "\(String(describing: noStreet))")
    }
}
