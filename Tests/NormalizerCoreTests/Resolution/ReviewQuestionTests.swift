import Foundation
import NormalizerCore
import Schema
import ServiceSupport
import Testing

/// German street names repeat from town to town: "Am Mühlbach 105" in 12775 and in 01123 are
/// two homes, never a question for a person.
@Suite("Review questions")
struct ReviewQuestionTests {
    private static let agency = SeedScenario.germanAgencyMapping(
        id: "de-review-test", fields: ["rooms: { path: zimmer }", "builtDate: { path: baujahr }"])

    private static func home(postalCode: String, city: String, area: String, rooms: Int, built: Int) -> String {
        #"{"strasse": "Am Mühlbach", "nr": "105", "plz": "\#(postalCode)", "ort": "\#(city)", "preis": "320.000 €", "flaeche": "\#(area)", "zimmer": \#(rooms), "baujahr": "\#(built)"}"#
    }

    @Test("the same street and number in two towns are two homes and raise no review task")
    func sameStreetInTwoTowns() async throws {
        let (tasks, homes) = try await SeedScenario.normalize(
            payloads: [
                Self.home(postalCode: "12775", city: "Berlin", area: "72", rooms: 3, built: 1961),
                Self.home(postalCode: "01123", city: "Dresden", area: "118", rooms: 5, built: 1998),
            ], mapping: Self.agency)
        #expect(tasks.isEmpty, "\(tasks.map(\.summary))")
        #expect(homes.count == 2)
    }
}
