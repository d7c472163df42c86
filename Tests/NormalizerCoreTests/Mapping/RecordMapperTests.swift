import Foundation
import NormalizerCore
import Schema
import Testing

@Suite("Record mapping")
struct RecordMapperTests {
    private func map(_ sourceId: String, _ payload: String, contentType: String, region: String) throws -> Result<
        MappedRecord, MappingFailure
    > {
        let descriptor = try #require(try SeedScenario.catalog()[sourceId])
        let record = RawRecord(
            sourceId: sourceId, recordId: "r1", region: region, fetchedAt: SeedScenario.now,
            contentType: contentType, payload: payload
        )
        return try RecordMapper(descriptor: descriptor).map(record)
    }

    @Test("reads a German XML record with Mai 1990, 130.000 € and Wärmepumpe")
    func germanXML() throws {
        let payload = """
            <Objekt><Adresse><Strasse>Hauptstr. 5</Strasse><PLZ>10115</PLZ><Ort>Berlin</Ort></Adresse>
            <Preis>130.000 €</Preis><Wohnflaeche>111,5 m²</Wohnflaeche><Baujahr>Mai 1990</Baujahr>
            <Zimmer>4</Zimmer><Heizung>Wärmepumpe</Heizung><Stellplaetze>1</Stellplaetze></Objekt>
            """
        let record = try map("de-immo-agency", payload, contentType: "application/xml", region: "DE").get()
        #expect(record["price"] == .money(Money(amount: 130_000, currency: "EUR")))
        #expect(record["livingArea"] == .number(111.5))
        #expect(record["builtYear"] == .integer(1990))
        #expect(record["builtMonth"] == .integer(5))
        #expect(record["heating"] == .text("heatPump"))
        #expect(record["cooling"] == .text("none"))
        #expect(record["address.street"] == .text("Hauptstraße"))
        #expect(record.matchingKey == "DE|10115|hauptstrasse|5|")
    }

    @Test("reads a row of the Ames CSV dataset with its header, keeping the city default")
    func amesRow() throws {
        let text = try String(contentsOfFile: "/work/shared/data/ames.csv", encoding: .utf8)
        let lines = text.split(separator: "\n", maxSplits: 2)
        let record = try map("ames-dataset", "\(lines[0])\n\(lines[1])", contentType: "text/csv", region: "US").get()
        #expect(record["address.city"] == .text("Ames"))
        #expect(record["price"] == .money(Money(amount: 215_000, currency: "USD")))
        #expect(record["livingArea"] == .number(153.85))
        #expect(record["builtYear"] == .integer(1960))
        #expect(record["cooling"] == .text("centralAir"))
        #expect(record["heating"] == .text("gas"))
        #expect(record.matchingKey == nil)
    }

    @Test("reads a row of the Windsor CSV dataset in Canadian dollars")
    func windsorRow() throws {
        let payload =
            "price,lotsize,bedrooms,bathrooms,stories,driveway,recreation,fullbase,gasheat,aircon,garage,prefer\n42000,5850,3,1,2,yes,no,yes,no,no,1,no"
        let record = try map("windsor-dataset", payload, contentType: "text/csv", region: "CA").get()
        #expect(record["price"] == .money(Money(amount: 42_000, currency: "CAD")))
        #expect(record["address.state"] == .text("ON"))
        #expect(record["cooling"] == .text("none"))
        #expect(record["extra.stories"] == .text("2"))
    }

    @Test("names every failing field with its reason and input")
    func fieldErrors() throws {
        let payload = #"{"address": "123 Main St, Springfield, IL 62704", "sqft": "huge", "built": "2990", "beds": -2}"#
        guard case .failure(let failure) = try map("us-listings", payload, contentType: "application/json", region: "US") else {
            Issue.record("mapping should fail")
            return
        }
        let byField = Dictionary(failure.errors.map { ($0.field ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byField["livingArea"]?.code == .unparseableField)
        #expect(byField["livingArea"]?.input == "huge")
        #expect(byField["builtDate"]?.code == .impossibleValue)
        #expect(byField["bedrooms"]?.code == .impossibleValue)
        #expect(failure.errors.allSatisfy { $0.record == "us-listings/r1" })
    }

    @Test("rejects a mapping that names an unknown field")
    func unknownField() throws {
        let descriptor = SourceDescriptor(
            id: "bad", name: "bad", kind: .custom, region: "US", currency: "USD", format: .json,
            mapping: ["livingSpace": FieldMapping(path: "a")], publishedAt: .distantPast
        )
        #expect(throws: NormalizationError.self) { try RecordMapper(descriptor: descriptor) }
    }
}
