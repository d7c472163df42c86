import Foundation
import NormalizerCore
import Scenario
import Schema
import TestSupport
import Testing

@Suite("The main job's new agency (de-agency-sqft) read by its project mapping")
struct MarketShiftAgencyTests {
    @Test("square feet come back as square metres, the number price as the sale, the ISO date as the sale date")
    func readsTheAgencysRecords() async throws {
        var heldOut = try HeldOutHomes(seed: 42, scenarioHomes: 200, seedData: TestProject.layout.root.appendingPathComponent("data"))
        let homes = try heldOut.take(60, of: .de)
        let configuration = try await NormalizerConfiguration.load(layout: TestProject.layout)
        let catalog = try SourceCatalog.load(directory: TestProject.layout.configs.appendingPathComponent("sources"))
        let source = try #require(catalog[SquareFeetAgencyRenderer.sourceId])
        let normalizer = SingleRecordNormalizer(configuration: configuration)
        let soldOn = Date(timeIntervalSince1970: 1_790_000_000)
        let day = ISO8601DateFormatter.string(from: soldOn, timeZone: .gmt, formatOptions: [.withFullDate])
        var areas = 0
        for home in homes {
            let (recordId, text) = SquareFeetAgencyRenderer.render(home, soldOn: soldOn)
            let record = RawRecord(
                sourceId: source.id, recordId: recordId, region: "DE", fetchedAt: soldOn, contentType: "application/json", payload: text)
            let canonical = try normalizer.home(from: record, source: source, at: soldOn).get()
            #expect(canonical.region == "DE")
            #expect(canonical.price == Money(amount: home.price.rounded(), currency: "EUR"))
            #expect(canonical.priceKind == .sold)
            #expect(canonical.saleDate == day)
            #expect(canonical.lastSale?.price.amount == home.price.rounded())
            #expect(canonical.address.postalCode == home.postalCode && canonical.address.city == home.city)
            #expect(canonical.builtYear == home.builtYear)
            let coordinates = try #require(canonical.coordinates)
            #expect(abs(coordinates.latitude - (home.latitude ?? 0)) < 1e-9 && abs(coordinates.longitude - (home.longitude ?? 0)) < 1e-9)
            #expect(canonical.propertyType == home.propertyType)
            if let area = home.livingArea {
                // Whole square feet: within half a square foot (0.047 m²) of the true area.
                let read = try #require(canonical.livingArea)
                #expect(abs(read - area) < 0.05, "\(recordId): \(read) m² for \(area) m²")
                areas += 1
            }
        }
        #expect(areas > 40)
    }
}
