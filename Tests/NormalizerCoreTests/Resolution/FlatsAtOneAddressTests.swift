import Foundation
import NormalizerCore
import Schema
import ServiceSupport
import Testing

/// Flats in one building share street, number, postal code and often size and rooms: only the
/// unit or the floor tells them apart, and that must veto a merge however similar the rest is.
@Suite("Flats at one address")
struct FlatsAtOneAddressTests {
    private static let agency = SeedScenario.germanAgencyMapping(
        id: "de-flats-test", fields: ["address.unit: { path: wohnung }", "rooms: { path: zimmer }", "floor: { path: etage }"])

    private func homes(after payloads: [String]) async throws -> [Home] {
        let (tasks, homes) = try await SeedScenario.normalize(payloads: payloads, mapping: Self.agency)
        #expect(tasks.isEmpty, "a differing unit or floor is no question for a person")
        return homes
    }

    private static func flat(unit: String? = nil, floor: String? = nil) -> String {
        var members = [
            #""strasse": "Schönhauser Allee""#, #""nr": "80""#, #""plz": "10439""#, #""ort": "Berlin""#,
            #""preis": "389.000 €""#, #""flaeche": "72,5""#, #""zimmer": "2,5""#,
        ]
        if let unit { members.append(#""wohnung": "\#(unit)""#) }
        if let floor { members.append(#""etage": "\#(floor)""#) }
        return "{" + members.joined(separator: ", ") + "}"
    }

    @Test("two flats with the same size and price at one address but different unit numbers stay two homes")
    func differentUnits() async throws {
        #expect(try await homes(after: [Self.flat(unit: "Whg. 3"), Self.flat(unit: "Whg. 7")]).count == 2)
    }

    @Test("two flats told apart only by their floor stay two homes")
    func differentFloors() async throws {
        #expect(try await homes(after: [Self.flat(floor: "2. OG"), Self.flat(floor: "3. OG")]).count == 2)
    }

    @Test("a record without a unit that matches two flats does not chain them into one home")
    func noChainThroughAnUnknownUnit() async throws {
        let homes = try await homes(after: [Self.flat(unit: "Whg. 3"), Self.flat(unit: "Whg. 7"), Self.flat()])
        #expect(homes.count >= 2, "Whg. 3 and Whg. 7 stay apart: \(homes.map(\.address.unit))")
        #expect(!homes.contains { home in Set(home.provenance["address.unit"]?.map(\.value) ?? []).count > 1 })
    }

    @Test("the same flat listed twice, once without its floor, is one home")
    func sameFlat() async throws {
        let homes = try await homes(after: [Self.flat(floor: "2. OG"), Self.flat()])
        #expect(homes.count == 1)
        #expect(homes.first?.floor == 2)
        #expect(homes.first?.rooms == 2.5)
    }
}
