import NormalizerCore
import Testing

@Suite("AddressParser")
struct AddressParserTests {
    static let northAmerican: [(String, PostalAddress)] = [
        (
            "123 Main St, Springfield, IL 62704",
            PostalAddress(
                street: "Main St",
                houseNumber: "123",
                city: "Springfield",
                subdivision: "IL",
                postalCode: "62704",
                country: .unitedStates
            )
        ),
        (
            "123 Main Street Apt 4B, Springfield, Illinois 62704-1234, USA",
            PostalAddress(
                street: "Main St",
                houseNumber: "123",
                unit: "4B",
                city: "Springfield",
                subdivision: "IL",
                postalCode: "62704-1234",
                country: .unitedStates
            )
        ),
        (
            "123 MAIN ST #12, SPRINGFIELD, IL 627041234",
            PostalAddress(
                street: "Main St",
                houseNumber: "123",
                unit: "12",
                city: "Springfield",
                subdivision: "IL",
                postalCode: "62704-1234",
                country: .unitedStates
            )
        ),
        (
            "Apt 4B, 123 Main St., Springfield, IL",
            PostalAddress(
                street: "Main St",
                houseNumber: "123",
                unit: "4B",
                city: "Springfield",
                subdivision: "IL",
                country: .unitedStates
            )
        ),
        (
            "123 Main St Springfield IL 62704",
            PostalAddress(
                street: "Main St",
                houseNumber: "123",
                city: "Springfield",
                subdivision: "IL",
                postalCode: "62704",
                country: .unitedStates
            )
        ),
        (
            "350 Fifth Avenue, New York, New York 10118",
            PostalAddress(
                street: "Fifth Ave",
                houseNumber: "350",
                city: "New York",
                subdivision: "NY",
                postalCode: "10118",
                country: .unitedStates
            )
        ),
        (
            "1600 pennsylvania avenue northwest, washington, dc 20500",
            PostalAddress(
                street: "Pennsylvania Ave NW",
                houseNumber: "1600",
                city: "Washington",
                subdivision: "DC",
                postalCode: "20500",
                country: .unitedStates
            )
        ),
        (
            "123 1/2 North Main St, Springfield, IL 62704",
            PostalAddress(
                street: "N Main St",
                houseNumber: "123 1/2",
                city: "Springfield",
                subdivision: "IL",
                postalCode: "62704",
                country: .unitedStates
            )
        ),
        (
            "42 E St, Salt Lake City, UT 84103",
            PostalAddress(
                street: "E St",
                houseNumber: "42",
                city: "Salt Lake City",
                subdivision: "UT",
                postalCode: "84103",
                country: .unitedStates
            )
        ),
        (
            "Unit 3, 45 King Street West, Toronto, Ontario M5H 1J8, Canada",
            PostalAddress(
                street: "King St W",
                houseNumber: "45",
                unit: "3",
                city: "Toronto",
                subdivision: "ON",
                postalCode: "M5H 1J8",
                country: .canada
            )
        ),
        (
            "12-45 King St W, Toronto ON m5h1j8",
            PostalAddress(
                street: "King St W",
                houseNumber: "45",
                unit: "12",
                city: "Toronto",
                subdivision: "ON",
                postalCode: "M5H 1J8",
                country: .canada
            )
        ),
        (
            "1000 Rue Sherbrooke O, Montréal, Québec H3A 3G4",
            PostalAddress(
                street: "Rue Sherbrooke O",
                houseNumber: "1000",
                city: "Montréal",
                subdivision: "QC",
                postalCode: "H3A 3G4",
                country: .canada
            )
        ),
    ]

    @Test("reads North American addresses written as one string", arguments: northAmerican)
    func readsNorthAmericanAddresses(input: String, expected: PostalAddress) throws {
        #expect(try AddressParser(country: expected.country).parse(input) == expected)
    }

    static let german: [(String, PostalAddress)] = [
        (
            "Hauptstraße 5, 10115 Berlin",
            PostalAddress(
                street: "Hauptstraße",
                houseNumber: "5",
                city: "Berlin",
                postalCode: "10115",
                country: .germany
            )
        ),
        (
            "Hauptstr. 5a, 10115 Berlin",
            PostalAddress(
                street: "Hauptstraße",
                houseNumber: "5a",
                city: "Berlin",
                postalCode: "10115",
                country: .germany
            )
        ),
        (
            "HAUPTSTRASSE 5 A / Whg. 2, D-80331 München, Bayern, Deutschland",
            PostalAddress(
                street: "Hauptstraße",
                houseNumber: "5a",
                unit: "2",
                city: "München",
                subdivision: "BY",
                postalCode: "80331",
                country: .germany
            )
        ),
        (
            "Am Markt 3-5, 80331 München",
            PostalAddress(
                street: "Am Markt",
                houseNumber: "3-5",
                city: "München",
                postalCode: "80331",
                country: .germany
            )
        ),
        (
            "Berliner Str. 12 10115 Berlin",
            PostalAddress(
                street: "Berliner Straße",
                houseNumber: "12",
                city: "Berlin",
                postalCode: "10115",
                country: .germany
            )
        ),
        (
            "Straße des 17. Juni 100, 10623 Berlin",
            PostalAddress(
                street: "Straße des 17. Juni",
                houseNumber: "100",
                city: "Berlin",
                postalCode: "10623",
                country: .germany
            )
        ),
        (
            "frankfurter allee 1, 10247 berlin-friedrichshain",
            PostalAddress(
                street: "Frankfurter Allee",
                houseNumber: "1",
                city: "Berlin-Friedrichshain",
                postalCode: "10247",
                country: .germany
            )
        ),
        (
            "Zeil 5, 60313 FRANKFURT AM MAIN",
            PostalAddress(
                street: "Zeil",
                houseNumber: "5",
                city: "Frankfurt am Main",
                postalCode: "60313",
                country: .germany
            )
        ),
        (
            "Haupt-Str. 7, Whg. 3, Köln",
            PostalAddress(street: "Haupt-Straße", houseNumber: "7", unit: "3", city: "Köln", country: .germany)
        ),
    ]

    @Test("reads German addresses written as one string", arguments: german)
    func readsGermanAddresses(input: String, expected: PostalAddress) throws {
        #expect(try AddressParser(country: .germany).parse(input) == expected)
    }

    @Test(
        "reads addresses delivered as separate fields",
        arguments: [
            (
                Country.unitedStates,
                AddressComponents(
                    street: "Main Street",
                    houseNumber: "123",
                    unit: "Apt 4B",
                    city: "springfield",
                    subdivision: "Illinois",
                    postalCode: "62704"
                ),
                "123 Main St Apt 4B, Springfield, IL 62704"
            ),
            (
                .unitedStates,
                AddressComponents(
                    street: "123 Main St",
                    houseNumber: "123",
                    unit: "n/a",
                    city: "Springfield",
                    subdivision: "IL",
                    postalCode: "62704"
                ),
                "123 Main St, Springfield, IL 62704"
            ),
            (
                .canada,
                AddressComponents(
                    street: "45 King St W",
                    unit: "#3",
                    city: "Toronto",
                    subdivision: "Ontario",
                    postalCode: "m5h 1j8"
                ),
                "Unit 3, 45 King Street West, Toronto, ON M5H 1J8"
            ),
            (
                .germany,
                AddressComponents(
                    street: "Hauptstr.",
                    houseNumber: "5",
                    city: "Berlin",
                    subdivision: "",
                    postalCode: "10115"
                ),
                "Hauptstraße 5, 10115 Berlin"
            ),
            (
                .germany,
                AddressComponents(
                    street: "Hauptstraße 5a, Whg. 2",
                    city: "München",
                    subdivision: "Bavaria",
                    postalCode: "80331"
                ),
                "Hauptstraße 5a / Whg. 2, 80331 München, Bayern"
            ),
        ]
    )
    func readsSeparateFields(country: Country, components: AddressComponents, sameAs string: String) throws {
        let parser = AddressParser(country: country)

        #expect(try parser.parse(components) == parser.parse(string))
    }

    @Test(
        "rejects garbage with the typed error",
        arguments: [
            (Country.unitedStates, "", ParseError.Code.empty),
            (.unitedStates, "n/a", .missingValue),
            (.unitedStates, "abc", .missingComponent),
            (.unitedStates, "123", .missingComponent),
            (.unitedStates, "🏠🏠🏠", .missingComponent),
            (.unitedStates, "Springfield, IL 62704", .missingComponent),
            (.unitedStates, "123 Main St, Springfield, XX 62704", .unknownSubdivision),
            (.unitedStates, "123 Main St, Springfield, IL 6270", .invalidPostalCode),
            (.unitedStates, "123 Main St, Springfield, IL 00000", .invalidPostalCode),
            (.unitedStates, "123 Main St Apt 4, Unit 5, Springfield, IL", .ambiguous),
            (.unitedStates, "123 Main Springfield IL 62704", .ambiguous),
            (.unitedStates, "123 Main St, Building 5, Springfield, IL", .malformed),
            (.canada, "45 King St, Toronto, ON 12345", .invalidPostalCode),
            (.canada, "45 King St, Toronto, ON D5H 1J8", .invalidPostalCode),
            (.germany, "Hauptstraße 5, 1011 Berlin", .invalidPostalCode),
            (.germany, "10115 Berlin", .missingComponent),
            (.germany, "Hauptstraße 5", .missingComponent),
            (.germany, "Hauptstraße 5, 10115 Berlin, Atlantis", .malformed),
        ]
    )
    func rejectsGarbage(country: Country, input: String, code: ParseError.Code) {
        let error = #expect(throws: ParseError.self) { try AddressParser(country: country).parse(input) }
        #expect(error?.code == code)
    }

    @Test(
        "rejects bad fields with the typed error",
        arguments: [
            (
                AddressComponents(street: "Main St", city: "Springfield", subdivision: "Atlantis"),
                ParseError.Code.unknownSubdivision
            ),
            (AddressComponents(street: "Main St", city: "Springfield", postalCode: "1234"), .invalidPostalCode),
            (AddressComponents(city: "Springfield", postalCode: "62704"), .missingComponent),
            (AddressComponents(street: "n/a", city: "Springfield"), .missingComponent),
            (AddressComponents(street: "Main St", city: "n/a"), .missingComponent),
            (AddressComponents(street: "123 Main St", houseNumber: "125", city: "Springfield"), .ambiguous),
            (AddressComponents(street: "Main St", houseNumber: "abc", city: "Springfield"), .malformed),
            (AddressComponents(street: "Main St", unit: "Apt", city: "Springfield"), .malformed),
        ]
    )
    func rejectsBadFields(components: AddressComponents, code: ParseError.Code) {
        let error = #expect(throws: ParseError.self) { try AddressParser(country: .unitedStates).parse(components) }
        #expect(error?.code == code)
    }
}

@Suite("PostalAddress.matchingKey")
struct PostalAddressMatchingKeyTests {
    @Test(
        "spellings of one address share a key",
        arguments: [
            (
                Country.unitedStates,
                [
                    "123 Main Street, Springfield, IL 62704-1234",
                    "123 MAIN ST., Springfield, Illinois 62704",
                    "123 main st springfield il 62704",
                ], "US|62704|mainst|123|"
            ),
            (
                .canada,
                [
                    "Unit 3, 45 King Street West, Toronto, Ontario M5H 1J8",
                    "3-45 King St W, Toronto ON M5H1J8, Canada",
                    "45 KING ST W #3, TORONTO, ON M5H 1J8",
                ], "CA|m5h1j8|kingstw|45|3"
            ),
            (
                .germany,
                [
                    "Hauptstr. 5, 10115 Berlin",
                    "HAUPTSTRASSE 5, 10115 BERLIN",
                    "Hauptstraße 5, D-10115 Berlin, Deutschland",
                ], "DE|10115|hauptstrasse|5|"
            ),
        ]
    )
    func spellingsShareKey(country: Country, spellings: [String], key: String) throws {
        let parser = AddressParser(country: country)

        for spelling in spellings {
            #expect(try parser.parse(spelling).matchingKey == key, "\(spelling)")
        }
    }

    @Test(
        "different homes have different keys",
        arguments: [
            ("123 Main St, Springfield, IL 62704", "125 Main St, Springfield, IL 62704"),
            ("123 Main St Apt 1, Springfield, IL 62704", "123 Main St Apt 2, Springfield, IL 62704"),
            ("123 Main St, Springfield, IL 62704", "123 Main Ave, Springfield, IL 62704"),
            ("123 Main St, Springfield, IL 62704", "123 Main St, Springfield, MA 01101"),
        ]
    )
    func differentHomesHaveDifferentKeys(first: String, second: String) throws {
        let parser = AddressParser(country: .unitedStates)

        #expect(try parser.parse(first).matchingKey != parser.parse(second).matchingKey)
    }

    @Test("without a postal code the city stands in")
    func withoutPostalCodeCityStandsIn() throws {
        let address = try AddressParser(country: .germany).parse("Hauptstraße 5, Köln")

        #expect(address.matchingKey == "DE|koeln|hauptstrasse|5|")
    }
}

@Suite("Country.subdivisionCode")
struct CountrySubdivisionTests {
    @Test(
        "names and codes become codes",
        arguments: [
            (Country.unitedStates, "New York", "NY" as String?),
            (.unitedStates, "ny", "NY"),
            (.unitedStates, "N.Y.", "NY"),
            (.unitedStates, "West Virginia", "WV"),
            (.unitedStates, "Ontario", nil),
            (.canada, "Ontario", "ON"),
            (.canada, "Québec", "QC"),
            (.canada, "quebec", "QC"),
            (.canada, "Newfoundland and Labrador", "NL"),
            (.germany, "Bayern", "BY"),
            (.germany, "Bavaria", "BY"),
            (.germany, "Baden-Württemberg", "BW"),
            (.germany, "Baden-Wuerttemberg", "BW"),
            (.germany, "Thüringen", "TH"),
            (.germany, "NRW", "NW"),
            (.germany, "Atlantis", nil),
        ]
    )
    func namesAndCodesBecomeCodes(country: Country, name: String, code: String?) {
        #expect(country.subdivisionCode(for: name) == code)
    }
}
