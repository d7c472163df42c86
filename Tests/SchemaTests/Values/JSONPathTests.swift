import Foundation
import Schema
import Testing

@Suite("JSON paths")
struct JSONPathTests {
    private static let document = try! JSONValue(
        parsing: #"""
            {"listing": {"id": 7, "price": {"value": 450000, "currency": "CAD"}, "area": 130.5,
             "rooms": [{"size": 12}, {"size": 20.25}], "grid": [[1, 2], [3, 4]], "sold": false,
             "agent": null, "a.b": 1},
             "$": "dollar"}
            """#)

    @Test(
        "A path finds members, elements and nested elements, with or without a leading $.",
        arguments: [
            ("listing.price.value", "450000"), ("$.listing.price.currency", "CAD"), ("listing.rooms[1].size", "20.25"),
            ("listing.grid[1][0]", "3"), ("listing.area", "130.5"), ("listing.sold", "false"), ("listing.id", "7"),
        ])
    func findsScalars(path: String, expected: String) throws {
        #expect(JSONPath(path).value(in: Self.document)?.scalarText == expected)
    }

    @Test(
        "A path that leaves the document, or meets another kind of value, finds nothing",
        arguments: [
            "listing.missing", "listing.rooms[2].size", "listing.price[0]", "listing.rooms.size", "listing.area.value", "listing.a.b",
        ])
    func findsNothing(path: String) {
        #expect(JSONPath(path).value(in: Self.document) == nil)
    }

    @Test("$ alone is the whole document; null, objects and arrays have no scalar text")
    func wholeDocumentAndContainers() throws {
        #expect(JSONPath("$").value(in: Self.document) == Self.document)
        #expect(JSONPath("listing.agent").value(in: Self.document) == .null)
        #expect(JSONPath("listing.agent").value(in: Self.document)?.scalarText == nil)
        #expect(JSONPath("listing.rooms").value(in: Self.document)?.scalarText == nil)
        #expect(JSONPath("listing.price").value(in: Self.document)?.scalarText == nil)
        #expect(JSONPath("listing.price").text == "listing.price")
    }

    @Test("Whole numbers have no fraction; large and fractional ones keep their digits")
    func numberText() {
        #expect(JSONValue.number(1990).scalarText == "1990")
        #expect(JSONValue.number(-3).scalarText == "-3")
        #expect(JSONValue.number(2.5).scalarText == "2.5")
        #expect(JSONValue.number(1e20).scalarText == "1e+20")
    }

    @Test("Of repeated keys the first wins, as when the document is decoded through its containers")
    func repeatedKeys() throws {
        let fast = try JSONValue(parsing: #"{"a": 1, "a": 2, "b": {"c": "x", "c": "y"}}"#)
        #expect(JSONPath("a").value(in: fast)?.scalarText == "1")
        #expect(JSONPath("b.c").value(in: fast)?.scalarText == "x")
    }

    @Test("A malformed value anywhere inside fails the document", arguments: [#"{"a": [1, "\x"]}"#, #"{"a": 1e400}"#, "{"])
    func malformedValue(text: String) {
        #expect(throws: DecodingError.self) { try JSONValue(parsing: text) }
    }
}
