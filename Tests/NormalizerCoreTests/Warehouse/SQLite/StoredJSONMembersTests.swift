import Foundation
import Schema
import Testing

@testable import NormalizerCore

@Suite("Stored JSON members")
struct StoredJSONMembersTests {
    /// A home written as the warehouse writes it, with the characters a scan could trip on:
    /// quotes, backslashes, braces, brackets, commas and colons inside strings, non-ASCII text.
    private static let body: String = {
        let tricky = "a \"quoted\" {brace} [bracket], colon: \\ back – Straße 😀"
        let home = Home(
            id: "home-1", region: "DE", address: Address(street: tricky, city: "Köln", country: "DE"),
            extra: ["note": tricky, "z:{": "]"],
            provenance: ["address.street": [ProvenanceEntry(sourceId: "s", recordId: "r", value: tricky, fetchedAt: Date(), chosen: true)]],
            conflicts: [FieldConflict(field: "x,y", resolution: .majority)], normalizedAt: Date(timeIntervalSince1970: 1_700_000_000))
        return (try? SchemaJSONEncoder().encodeText(home)) ?? ""
    }()

    @Test("every top-level member comes out with the exact text of its value")
    func membersMatchTheParsedObject() throws {
        let members = StoredJSONMembers.members(of: Self.body)
        let object = try #require(JSONSerialization.jsonObject(with: Data(Self.body.utf8), options: .fragmentsAllowed) as? [String: Any])
        #expect(Set(members.keys.map(String.init)) == Set(object.keys))
        for (key, value) in members {
            let expected = try JSONSerialization.data(withJSONObject: [object[String(key)] ?? NSNull()], options: .sortedKeys)
            let actual = try JSONSerialization.data(
                withJSONObject: [try JSONSerialization.jsonObject(with: Data(value.utf8), options: .fragmentsAllowed)], options: .sortedKeys
            )
            #expect(actual == expected, "member \(key)")
        }
    }

    @Test("one member's value is found without the others, and a missing one is nil")
    func valueOfOneMember() throws {
        #expect(StoredJSONMembers.value(of: "normalizedAt", in: Self.body) == "\"2023-11-14T22:13:20.000Z\"")
        #expect(StoredJSONMembers.value(of: "id", in: Self.body) == "\"home-1\"")
        #expect(StoredJSONMembers.value(of: "price", in: Self.body) == nil)
        #expect(StoredJSONMembers.value(of: "note", in: Self.body) == nil, "a nested key is no top-level member")
        #expect(StoredJSONMembers.members(of: "[1, 2]").isEmpty)
    }
}
