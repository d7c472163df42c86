import Testing

@testable import NormalizerCore

@Suite("Postal codes")
struct PostalCodeTests {
    @Test(
        "reads each country's codes in their standard form and refuses anything else",
        arguments: [
            ("62704", Country.unitedStates, "62704"),
            ("62704-1234", .unitedStates, "62704-1234"),
            ("627041234", .unitedStates, "62704-1234"),
            ("62704-", .unitedStates, nil),
            ("6270412345", .unitedStates, nil),
            ("00012", .unitedStates, nil),
            ("00501", .unitedStates, "00501"),
            ("m5v 2t6", .canada, "M5V 2T6"),
            ("M5V-2T6", .canada, "M5V 2T6"),
            ("D5V 2T6", .canada, nil),
            ("M5V 2T", .canada, nil),
            ("D-10115", .germany, "10115"),
            ("DE-10115", .germany, "10115"),
            ("D10115", .germany, nil),
            ("01067", .germany, "01067"),
            ("00123", .germany, nil),
            ("10115a", .germany, nil),
        ] as [(String, Country, String?)]
    )
    func normalizes(text: String, country: Country, expected: String?) {
        #expect(PostalCode.normalized(text, country: country) == expected)
    }
}
