import Foundation
import NormalizerCore
import Schema
import ServiceSupport
import Testing

/// German street names repeat from town to town: "Am Mühlbach 105" in 12775 and in 01123 are
/// two homes, never a question for a person.
@Suite("Review questions")
struct ReviewQuestionTests {
    private static let agency = """
        id: de-review-test
        kind: agencyFeed
        region: DE
        currency: EUR
        format: json
        mapping:
          address.street: { path: strasse }
          address.houseNumber: { path: nr }
          address.postalCode: { path: plz }
          address.city: { path: ort }
          price: { path: preis }
          livingArea: { path: flaeche, unit: m2 }
          rooms: { path: zimmer }
          builtDate: { path: baujahr }
        """

    private static func home(postalCode: String, city: String, area: String, rooms: Int, built: Int) -> String {
        #"{"strasse": "Am Mühlbach", "nr": "105", "plz": "\#(postalCode)", "ort": "\#(city)", "preis": "320.000 €", "flaeche": "\#(area)", "zimmer": \#(rooms), "baujahr": "\#(built)"}"#
    }

    @Test("the same street and number in two towns are two homes and raise no review task")
    func sameStreetInTwoTowns() async throws {
        let normalizer = try await SeedScenario.normalizer()
        normalizer.update(source: try SourceMappingDocument(yaml: Self.agency, origin: "test").descriptor(publishedAt: .distantPast))
        var tasks: [ReviewTask] = []
        for (index, payload) in [
            Self.home(postalCode: "12775", city: "Berlin", area: "72", rooms: 3, built: 1961),
            Self.home(postalCode: "01123", city: "Dresden", area: "118", rooms: 5, built: 1998),
        ].enumerated() {
            let output = try normalizer.normalize(
                RawRecord(
                    sourceId: "de-review-test", recordId: "R-\(index)", region: "DE", fetchedAt: SeedScenario.now,
                    contentType: "application/json", payload: payload))
            #expect(output.deadLetters.isEmpty, "\(output.deadLetters.map(\.reasons))")
            tasks += output.reviewTasks
        }
        #expect(tasks.isEmpty, "\(tasks.map(\.summary))")
        #expect(try normalizer.store.homes().count == 2)
    }
}
