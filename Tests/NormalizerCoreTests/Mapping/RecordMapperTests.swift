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

    @Test("reads a German register record with Mai 1990, 130.000,00 and the address as one line")
    func germanXML() throws {
        let payload = """
            <Vertrag nr="KPS-1"><Objektart>Einfamilienhaus</Objektart><Lage>Hauptstr. 5, 10115 Berlin</Lage>
            <Kaufpreis waehrung="EUR">130.000,00</Kaufpreis><Wohnflaeche einheit="m²">111,5</Wohnflaeche>
            <Baujahr>Mai 1990</Baujahr><Zimmer>4</Zimmer></Vertrag>
            """
        let record = try map("de-kaufpreissammlung", payload, contentType: "application/xml", region: "DE").get()
        #expect(record["price"] == .money(Money(amount: 130_000, currency: "EUR")))
        #expect(record["livingArea"] == .number(111.5))
        #expect(record["builtYear"] == .integer(1990))
        #expect(record["builtMonth"] == .integer(5))
        #expect(record["propertyType"] == .text("house"))
        #expect(record["priceKind"] == .text("sold"))
        #expect(record["address.street"] == .text("Hauptstraße"))
        #expect(record.matchingKey == "DE|10115|hauptstrasse|5|")
    }

    @Test("reads a German agency's nested JSON with Wärmepumpe, 79 m2 and a boolean air conditioning")
    func germanNestedJSON() throws {
        let payload = """
            {"objekt":{"nummer":"IM-1","typ":"Wohnung","adresse":{"strasse":"Birkenweg","hausnummer":"6","plz":"11163",
            "ort":"Berlin","bundesland":"Berlin"},"flaechen":{"wohnflaeche":"79 m2","grundstueck":"324,5 m²"},
            "preis":{"betrag":"284.000 €","art":"Angebotspreis"},"baujahr":"November 1956","zimmer":3,
            "heizung":"Wärmepumpe","klimaanlage":false},"geo":{"breite":52.58,"laenge":13.35}}
            """
        let record = try map("de-agency-nested", payload, contentType: "application/json", region: "DE").get()
        #expect(record["price"] == .money(Money(amount: 284_000, currency: "EUR")))
        #expect(record["lotArea"] == .number(324.5))
        #expect(record["heating"] == .text("heatPump"))
        #expect(record["cooling"] == .text("none"))
        #expect(record["address.state"] == .text("BE"))
        #expect(record["priceKind"] == .text("asking"))
    }

    @Test("reads a county sales row with an upper-case address and the lot in acres")
    func countySalesRow() throws {
        let payload = """
            PARCEL_ID,SITE_ADDRESS,CITY,STATE,ZIP,SALE_PRICE,YEAR_BUILT,LIVING_SQFT,LOT_ACRES,BEDROOMS,FULL_BATHS,HALF_BATHS
            P2483067665,115 WOODLAND ST,AMES,IA,50014,195500,1998,1604,0.25,3,2,1
            """
        let record = try map("us-county-sales", payload, contentType: "text/csv", region: "US").get()
        #expect(record["address.city"] == .text("Ames"))
        #expect(record["price"] == .money(Money(amount: 195_500, currency: "USD")))
        #expect(record["livingArea"] == .number(149.02))
        #expect(record["lotArea"] == .number(1011.71))
        #expect(record["builtYear"] == .integer(1998))
        #expect(record["bathrooms"] == .number(2.5), "two full baths and one half bath")
    }

    @Test("reads a Canadian MLS row in Canadian dollars with the address in one quoted field")
    func mlsRow() throws {
        let payload = """
            mls_number,address,list_price,lot_size_sqft,bedrooms,bathrooms,garage,gas_heat,air_conditioning
            W1,"4794 University Ave W, Windsor, ON N8S 6A8","$114,000.00",5995,4,2,1,no,yes
            """
        let record = try map("ca-mls-dataset", payload, contentType: "text/csv", region: "CA").get()
        #expect(record["price"] == .money(Money(amount: 114_000, currency: "CAD")))
        #expect(record["address.state"] == .text("ON"))
        #expect(record["address.postalCode"] == .text("N8S 6A8"))
        #expect(record["cooling"] == .text("centralAir"))
        #expect(record["extra.gasHeat"] == .text("no"))
    }

    @Test("reads a semicolon-separated German CSV row with 05/1990 and 1.220.000 €")
    func semicolonCSV() throws {
        let payload = """
            Objekt-Nr;Straße;Hausnr.;PLZ;Ort;Kaufpreis;Wohnfläche;Grundstück;Baujahr;Zimmer;Heizung
            DE1;Bahnhofstraße;88b;10965;Berlin;1.220.000 €;202,5 m²;;05/1990;7;Warmwasser
            """
        let record = try map("de-immobilien-csv", payload, contentType: "text/csv", region: "DE").get()
        #expect(record["price"] == .money(Money(amount: 1_220_000, currency: "EUR")))
        #expect(record["livingArea"] == .number(202.5))
        #expect(record["builtMonth"] == .integer(5))
        #expect(record["address.houseNumber"] == .text("88b"))
        #expect(record["heating"] == .text("hotWater"))
    }

    @Test("names every failing field with its reason and input")
    func fieldErrors() throws {
        let payload = #"{"address": "123 Main St, Springfield, IL 62704", "sqft": "huge", "built": "2990", "beds": -2}"#
        guard case .failure(let failure) = try map("us-agency-flat", payload, contentType: "application/json", region: "US") else {
            Issue.record("mapping should fail")
            return
        }
        let byField = Dictionary(failure.errors.map { ($0.field ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byField["livingArea"]?.code == .unparseableField)
        #expect(byField["livingArea"]?.input == "huge")
        #expect(byField["builtDate"]?.code == .impossibleValue)
        #expect(byField["bedrooms"]?.code == .impossibleValue)
        #expect(failure.errors.allSatisfy { $0.record == "us-agency-flat/r1" })
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
