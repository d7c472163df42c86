import Foundation
import Schema
import Testing

@testable import NormalizerCore

@Suite("Stored JSON members")
struct StoredJSONMembersTests {
    /// A home written as the warehouse writes it, with the characters a scan could trip on:
    /// quotes, backslashes, braces, brackets, commas and colons inside strings, non-ASCII text.
    private static let body = body(street: "a \"quoted\" {brace} [bracket], colon: \\ back – Straße 😀")

    private static func body(street: String, normalizedAt: Date = Date(timeIntervalSince1970: 1_700_000_000)) -> String {
        let home = Home(
            id: "home-1", region: "DE", address: Address(street: street, city: "Köln", country: "DE"),
            extra: ["note": street, "z:{": "]"],
            provenance: [
                "address.street": [
                    ProvenanceEntry(sourceId: "s", recordId: "r", value: street, fetchedAt: Date(timeIntervalSince1970: 0), chosen: true)
                ]
            ],
            conflicts: [FieldConflict(field: "x,y", resolution: .majority)], normalizedAt: normalizedAt)
        return (try? SchemaJSONEncoder().encodeText(home)) ?? ""
    }

    @Test("every top-level member comes out with the exact text of its value")
    func membersMatchTheParsedObject() throws {
        let members = StoredJSONMembers.members(of: Self.body)
        let object = try #require(JSONSerialization.jsonObject(with: Data(Self.body.utf8), options: .fragmentsAllowed) as? [String: Any])
        #expect(Set(members.map { String($0.key) }) == Set(object.keys))
        #expect(members.count == object.count)
        for (key, value) in members {
            let expected = try JSONSerialization.data(withJSONObject: [object[String(key)] ?? NSNull()], options: .sortedKeys)
            let actual = try JSONSerialization.data(
                withJSONObject: [try JSONSerialization.jsonObject(with: Data(value.utf8), options: .fragmentsAllowed)], options: .sortedKeys
            )
            #expect(actual == expected, "member \(key)")
        }
    }

    @Test("the changed members are the top-level keys whose texts differ, the ignored one left out")
    func changedKeys() {
        let later = Self.body(street: "a \"quoted\" {brace} [bracket], colon: \\ back – Straße 😀", normalizedAt: Date())
        #expect(later != Self.body)
        #expect(StoredJSONMembers.changedKeys(from: Self.body, to: later, ignoring: "normalizedAt").isEmpty)
        #expect(StoredJSONMembers.changedKeys(from: Self.body, to: later, ignoring: "id") == ["normalizedAt"])
        let moved = Self.body(street: "Hauptstraße 5")
        #expect(StoredJSONMembers.changedKeys(from: Self.body, to: moved, ignoring: "normalizedAt") == ["address", "extra", "provenance"])
        // Keys in another order or missing on one side: compared by key.
        #expect(
            StoredJSONMembers.changedKeys(from: #"{"b":[1,{"c":2}],"a":"x"}"#, to: #"{"a":"x","b":[1,{"c":2}],"d":null}"#, ignoring: "")
                == ["d"])
        #expect(StoredJSONMembers.changedKeys(from: #"{"a":1,"b":2}"#, to: #"{"a":1}"#, ignoring: "") == ["b"])
        #expect(StoredJSONMembers.changedKeys(from: #"{"a":1,"c":3}"#, to: #"{"b":2,"c":4}"#, ignoring: "") == ["a", "b", "c"])
        #expect(StoredJSONMembers.changedKeys(from: #"{"a":1,"c":3,"d":4}"#, to: #"{"c":3}"#, ignoring: "a") == ["d"])
        // Of a repeated key the last counts (keys out of order: compared by key).
        #expect(StoredJSONMembers.changedKeys(from: #"{"b":1,"a":1,"a":2}"#, to: #"{"b":1,"a":2}"#, ignoring: "").isEmpty)
        // Texts compare byte for byte: a canonically equivalent spelling is a change.
        #expect(StoredJSONMembers.changedKeys(from: #"{"a":"é"}"#, to: "{\"a\":\"e\u{301}\"}", ignoring: "") == ["a"])
        #expect(StoredJSONMembers.changedKeys(from: "[1, 2]", to: #"{"a":{"note":1}}"#, ignoring: "") == ["a"])
        #expect(StoredJSONMembers.members(of: "[1, 2]").isEmpty)
    }
}
