import Foundation
import NormalizerCore
import Schema
import ServiceSupport
import Testing

/// The mapping language on records in the shapes real sources send: schema.org JSON-LD with
/// `unitCode`, a German agency whose address is an object in some records and a string in
/// others, a county register in CRLF CSV with `TBD` placeholders, a site listing US and
/// Canadian homes.
@Suite("Mapping language")
struct MappingLanguageTests {
    private static let fetchedAt = Date(timeIntervalSince1970: 1_750_000_000)

    private func mapper(_ yaml: String) throws -> RecordMapper {
        try RecordMapper(descriptor: SourceMappingDocument(yaml: yaml, origin: "test").descriptor(publishedAt: Self.fetchedAt))
    }

    private func map(
        _ mapper: RecordMapper, _ payload: String, contentType: String = "application/json", region: String? = nil
    ) -> Result<MappedRecord, MappingFailure> {
        mapper.map(
            RawRecord(
                sourceId: mapper.descriptor.id, recordId: "r1", region: region ?? mapper.descriptor.region,
                fetchedAt: Self.fetchedAt, contentType: contentType, payload: payload))
    }

    private func failedFields(_ result: Result<MappedRecord, MappingFailure>) -> [String: NormalizationError] {
        guard case .failure(let failure) = result else { return [:] }
        return Dictionary(failure.errors.map { ($0.field ?? "", $0) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: Alternatives and objects-or-strings

    private static let germanAgency = """
        id: de-agency-test
        kind: agencyFeed
        region: DE
        currency: EUR
        format: json
        locale: de-DE
        mapping:
          address: { path: adresse }
          address.street: { path: adresse.strasse }
          address.houseNumber: { path: adresse.hausnummer }
          address.postalCode: { path: adresse.plz, format: "00000" }
          address.city: { path: adresse.ort }
          price: { path: kaufpreis, alternatives: [preis.betrag], required: true }
          rooms: { path: zimmer }
          builtYear: { path: baujahr }
          floor: { path: etage }
          propertyType: { path: objektart }
          heating: { path: heizung }
        """

    @Test("an address given as an object in one record and as a string in another reads the same")
    func addressObjectOrString() throws {
        let mapper = try mapper(Self.germanAgency)
        let asObject = try map(
            mapper,
            #"{"adresse": {"strasse": "Königsbrücker Straße", "hausnummer": "12", "plz": 1099, "ort": "Dresden"}, "kaufpreis": 420000}"#
        ).get()
        let asString = try map(mapper, #"{"adresse": "Königsbrücker Str. 12, 01099 Dresden", "preis": {"betrag": "420.000 €"}}"#).get()
        #expect(asObject.matchingKey == asString.matchingKey)
        #expect(asObject["address.postalCode"] == .text("01099"), "a postal code sent as a number gets its leading zero back")
        #expect(asString["address.city"] == .text("Dresden"))
        #expect(asObject["price"] == .money(Money(amount: 420_000, currency: "EUR")))
        #expect(asString["price"] == .money(Money(amount: 420_000, currency: "EUR")), "the alternative path is taken")
    }

    @Test("a placeholder at the first path does not hide a value at the alternative")
    func placeholderFallsThrough() throws {
        let record = try map(
            try mapper(Self.germanAgency), #"{"adresse": "Hauptstr. 5, 10115 Berlin", "kaufpreis": "TBD", "preis": {"betrag": 510000}}"#
        ).get()
        #expect(record["price"] == .money(Money(amount: 510_000, currency: "EUR")))
    }

    @Test("a sum may only add counts, with finite weights")
    func sumIsForCounts() throws {
        for entry in ["livingArea: { sum: { A: 1, B: 1 } }", "bathrooms: { sum: { A: 1, B: .inf } }"] {
            let yaml = "id: s\nkind: custom\nregion: US\ncurrency: USD\nformat: csv\nmapping:\n  " + entry
            #expect(throws: NormalizationError.self, "\(entry)") { try mapper(yaml) }
        }
    }

    @Test("German listings: 5,5 rooms, built ca. 1905, 3. OG, Doppelhaushälfte")
    func germanListingTerms() throws {
        let record = try map(
            try mapper(Self.germanAgency),
            #"{"adresse": "Hauptstr. 5, 10115 Berlin", "kaufpreis": "650.000", "zimmer": "5,5", "baujahr": "ca. 1905", "etage": "3. OG", "objektart": "Doppelhaushälfte"}"#
        ).get()
        #expect(record["rooms"] == .number(5.5))
        #expect(record["builtYear"] == .integer(1905))
        #expect(record["floor"] == .integer(3))
        #expect(record["propertyType"] == .text("semiDetached"))
        let groundFloor = try map(
            try mapper(Self.germanAgency), #"{"adresse": "Hauptstr. 5, 10115 Berlin", "kaufpreis": 1, "etage": "EG"}"#
        )
        .get()
        #expect(groundFloor["floor"] == .integer(0))
    }

    @Test("a floor word of the mapping's own vocabulary comes first")
    func ownFloorWord() throws {
        let yaml = Self.germanAgency.replacingOccurrences(
            of: "floor: { path: etage }", with: #"floor: { path: etage, vocabulary: { Dachgeschoss: "5" } }"#)
        let record = try map(try mapper(yaml), #"{"adresse": "Hauptstr. 5, 10115 Berlin", "kaufpreis": 1, "etage": "Dachgeschoss"}"#).get()
        #expect(record["floor"] == .integer(5))
    }

    @Test("an unknown heating term keeps the home and records the term as unmapped")
    func unknownTermIsKept() throws {
        let record = try map(
            try mapper(Self.germanAgency),
            #"{"adresse": "Hauptstr. 5, 10115 Berlin", "kaufpreis": 300000, "heizung": "Kachelofen mit Holzvergaser", "zimmer": 3}"#
        ).get()
        #expect(record["heating"] == nil)
        #expect(record.fields["unmapped.heating"]?.raw == "Kachelofen mit Holzvergaser")
        #expect(record["rooms"] == .number(3))
    }

    // MARK: Required fields and placeholders

    private static let countyRegister = """
        id: us-county-test
        kind: governmentRecords
        region: US
        currency: USD
        format: csv
        mapping:
          address.street: { path: SITE_ADDRESS, required: true }
          address.city: { path: CITY }
          address.state: { path: STATE }
          address.postalCode: { path: ZIP }
          price: { path: SALE_PRICE, required: true }
          priceDate: { path: SALE_DATE, format: MM/dd/yyyy }
          bathrooms: { sum: { FULL_BATHS: 1, HALF_BATHS: 0.5 } }
          bedrooms: { path: BEDROOMS }
        """

    private static let registerHeader = "SITE_ADDRESS,CITY,STATE,ZIP,SALE_PRICE,SALE_DATE,FULL_BATHS,HALF_BATHS,BEDROOMS\r\n"

    @Test(
        "a required field that is a placeholder, blank or missing rejects the record, naming the field",
        arguments: ["TBD", "n/a", "", "-", "N/A "])
    func requiredPlaceholder(price: String) throws {
        let row = "115 WOODLAND ST,AMES,IA,50014,\(price),06/14/2019,2,1,3\r\n"
        let errors = failedFields(map(try mapper(Self.countyRegister), Self.registerHeader + row, contentType: "text/csv"))
        #expect(errors["price"]?.code == .missingField, "price '\(price)'")
    }

    @Test("full and half baths add up; a placeholder half bath counts as none; optional placeholders are absent")
    func weightedSum() throws {
        let mapper = try mapper(Self.countyRegister)
        let both = try map(
            mapper, Self.registerHeader + "115 WOODLAND ST,AMES,IA,50014,195500,06/14/2019,2,1,3\r\n", contentType: "text/csv"
        )
        .get()
        #expect(both["bathrooms"] == .number(2.5))
        let placeholder = try map(
            mapper, Self.registerHeader + "115 WOODLAND ST,AMES,IA,50014,195500,,2,n/a,TBD\r\n", contentType: "text/csv"
        )
        .get()
        #expect(placeholder["bathrooms"] == .number(2))
        #expect(placeholder["bedrooms"] == nil)
    }

    @Test("'None' for cooling or heating is the system 'none', not a missing value; 'n/a' stays missing")
    func noneIsATermOfSystemFields() throws {
        let yaml = """
            id: us-agency-test
            kind: agencyFeed
            region: US
            currency: USD
            format: json
            mapping:
              address: { path: address }
              price: { path: price }
              heating: { path: heating }
              cooling: { path: cooling }
            """
        let address = #""address": "115 Woodland St, Ames, IA 50014", "price": 195500"#
        let none = try map(try mapper(yaml), #"{\#(address), "heating": "None", "cooling": "None"}"#).get()
        #expect(none["cooling"] == .text("none"))
        #expect(none["heating"] == .text("none"))
        let missing = try map(try mapper(yaml), #"{\#(address), "heating": "n/a", "cooling": "TBD"}"#).get()
        #expect(missing["cooling"] == nil)
        #expect(missing["heating"] == nil)
    }

    @Test("a sale date that does not exist rejects the record", arguments: ["02/30/2019", "13/45/2020"])
    func impossibleDate(date: String) throws {
        let row = "115 WOODLAND ST,AMES,IA,50014,195500,\(date),2,1,3\r\n"
        let errors = failedFields(map(try mapper(Self.countyRegister), Self.registerHeader + row, contentType: "text/csv"))
        #expect(errors["priceDate"] != nil, "\(date) is rejected")
    }

    // MARK: Units and countries per record

    private static let mixedSite = """
        id: na-listings-test
        kind: crawledSite
        region: US
        currency: USD
        format: json
        mapping:
          region: { path: address.addressCountry }
          address.street: { path: address.streetAddress, required: true }
          address.city: { path: address.addressLocality }
          address.state: { path: address.addressRegion }
          address.postalCode: { path: address.postalCode }
          price.amount: { path: offers.price }
          price.currency: { path: offers.priceCurrency }
          livingArea: { path: floorSize.value, unitPath: floorSize.unitCode, unit: sqft }
          propertyType: { path: "@type", vocabulary: { SingleFamilyResidence: house, Apartment: apartment } }
        """

    private static func listing(country: String, street: String, city: String, region: String, postalCode: String, area: String)
        -> String
    {
        """
        {"@context": "https://schema.org", "@type": "SingleFamilyResidence",
         "address": {"@type": "PostalAddress", "streetAddress": "\(street)", "addressLocality": "\(city)",
                     "addressRegion": "\(region)", "postalCode": "\(postalCode)", "addressCountry": "\(country)"},
         "floorSize": \(area), "offers": {"@type": "Offer", "price": 649000, "priceCurrency": "\(country == "US" ? "USD" : "CAD")"}}
        """
    }

    @Test("one site, two countries: each record is parsed by its own country's rules, areas in its stated unit")
    func countryPerRecord() throws {
        let mapper = try mapper(Self.mixedSite)
        let canadian = try map(
            mapper,
            Self.listing(
                country: "CA", street: "88 Queens Quay W", city: "Toronto", region: "ON", postalCode: "m5j 0b8",
                area: #"{"@type": "QuantitativeValue", "value": 120, "unitCode": "MTK"}"#)
        ).get()
        #expect(canadian.region == "CA")
        #expect(canadian["address.postalCode"] == .text("M5J 0B8"))
        #expect(canadian["price"] == .money(Money(amount: 649_000, currency: "CAD")))
        #expect(canadian["livingArea"] == .number(120), "MTK is square metres")
        let american = try map(
            mapper,
            Self.listing(
                country: "United States", street: "1842 Oak Ridge Dr", city: "Austin", region: "TX", postalCode: "78704",
                area: #"{"@type": "QuantitativeValue", "value": 1291, "unitCode": "FTK"}"#)
        ).get()
        #expect(american.region == "US")
        #expect(american["livingArea"] == .number(119.94), "FTK is square feet")
        let french = failedFields(
            map(
                mapper,
                Self.listing(
                    country: "FR", street: "5 Rue de Rivoli", city: "Paris", region: "IDF", postalCode: "75001",
                    area: "85")))
        #expect(french["region"]?.code == .unsupportedRegion)
    }

    @Test("a unit the record states that is no unit of area is an error naming the field")
    func unknownStatedUnit() throws {
        let errors = failedFields(
            map(
                try mapper(Self.mixedSite),
                Self.listing(
                    country: "US", street: "1842 Oak Ridge Dr", city: "Austin", region: "TX", postalCode: "78704",
                    area: #"{"value": 1291, "unitCode": "KGM"}"#)))
        #expect(errors["livingArea"]?.input == "KGM")
    }

    @Test("a blank or placeholder unit the record states is none: the mapping's unit applies, as for an empty CSV cell")
    func blankStatedUnit() throws {
        let mapper = try mapper(Self.mixedSite)
        for stated in [#""""#, #""  ""#, #""n/a""#, "null"] {
            let american = try map(
                mapper,
                Self.listing(
                    country: "US", street: "1842 Oak Ridge Dr", city: "Austin", region: "TX", postalCode: "78704",
                    area: #"{"value": 1291, "unitCode": \#(stated)}"#)
            ).get()
            #expect(american["livingArea"] == .number(119.94), "unitCode \(stated): the mapping's sqft")
        }
    }

    @Test("a country the record gives as an object (schema.org's Country) is an error naming the region field")
    func countryAsObject() throws {
        let payload = Self.listing(
            country: "DE", street: "1842 Oak Ridge Dr", city: "Austin", region: "TX", postalCode: "78704", area: "1291"
        ).replacingOccurrences(of: #""addressCountry": "DE""#, with: #""addressCountry": {"@type": "Country", "name": "DE"}"#)
        let errors = failedFields(map(try mapper(Self.mixedSite), payload))
        #expect(errors["region"]?.code == .notAScalar, "\(errors)")
    }

    @Test("a postal code or state that is not the country's is an error naming that part, not the street")
    func badAddressPartNamesItsField() throws {
        let mapper = try mapper(Self.mixedSite)
        let shortZIP = failedFields(
            map(
                mapper,
                Self.listing(country: "US", street: "1842 Oak Ridge Dr", city: "Austin", region: "TX", postalCode: "2134", area: "1291")))
        #expect(shortZIP["address.postalCode"]?.code == .unparseableField, "\(shortZIP)")
        #expect(shortZIP["address.street"] == nil)
        let noState = failedFields(
            map(
                mapper,
                Self.listing(
                    country: "US", street: "1842 Oak Ridge Dr", city: "Austin", region: "Bavaria", postalCode: "78704", area: "1291")))
        #expect(noState["address.state"]?.input?.contains("Bavaria") == true, "\(noState)")
    }
}
