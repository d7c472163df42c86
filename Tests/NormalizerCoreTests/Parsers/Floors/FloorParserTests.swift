import NormalizerCore
import Testing

@Suite("FloorParser")
struct FloorParserTests {
    @Test(
        "reads floors as English and German listings write them",
        arguments: [
            ("3", 3), ("3. OG", 3), ("3.OG", 3), ("3. Obergeschoss", 3), ("2. Etage", 2), ("1st floor", 1), ("12th Floor", 12),
            ("EG", 0), ("Erdgeschoss", 0), ("Ground floor", 0), ("Hochparterre", 0), ("UG", -1), ("Basement", -1), ("-1", -1),
            ("Floor 4", 4),
        ])
    func reads(input: String, floor: Int) throws {
        #expect(try FloorParser.parse(input) == floor)
    }

    @Test(
        "counts from the ground floor where it is the first floor (US, Canada)",
        arguments: [("1st floor", 0), ("Ground floor", 0), ("2nd Floor", 1), ("3", 2), ("Basement", -1)])
    func northAmerican(input: String, floor: Int) throws {
        #expect(try FloorParser.parse(input, groundFloorNumber: 1) == floor)
    }

    @Test(
        "refuses text that names no floor, placeholders and blanks",
        arguments: [
            ("Dachgeschoss", ParseError.Code.unrecognizedTerm), ("3rd or 4th", .unrecognizedTerm), ("999", .unrecognizedTerm),
            ("n/a", .missingValue), ("  ", .empty),
        ])
    func refuses(input: String, code: ParseError.Code) {
        #expect(throws: ParseError.self) { try FloorParser.parse(input) }
        do {
            _ = try FloorParser.parse(input)
        } catch {
            #expect(error.code == code, "\(input)")
        }
    }
}
