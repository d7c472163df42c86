import Crawler
import Foundation
import Schema
import TestSupport
import Testing

@Suite("Reading listings out of JSON-LD as real sites write it")
struct JSONLDExtractionTests {
    private func crawl(types: [String]) async throws -> (ListingSiteFixture, RecordingPublisher, CrawlSummary) {
        let fixture = try ListingSiteFixture()
        let (publisher, summary) = try await fixture.crawl(types: types)
        return (fixture, publisher, summary)
    }

    private func object(_ record: RawRecord) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(record.payload.utf8)) as? [String: Any])
    }

    @Test("with no types, the listing of an @graph, an array or a second block is found, never a breadcrumb or the agent")
    func anyTypeSkipsPageStructure() async throws {
        let (fixture, publisher, summary) = try await crawl(types: [])
        defer { fixture.server.stop() }
        let records = Dictionary(uniqueKeysWithValues: publisher.rawRecords.map { ($0.recordId, $0) })
        #expect(Set(records.keys) == ["ML81962714", "AMES-0001", "ELM-4B"])
        #expect(publisher.deadLetters.isEmpty)
        #expect(summary.published == 3)

        let seacliff = try object(try #require(records["ML81962714"]))
        #expect(seacliff["@type"] as? String == "RealEstateListing")
        #expect(seacliff["@context"] as? String == "https://schema.org", "the graph's context travels with the node")
        let residence = try #require(seacliff["mainEntity"] as? [String: Any], "the referenced residence is embedded")
        #expect((residence["address"] as? [String: Any])?["postalCode"] as? String == "95003")
        #expect((residence["floorSize"] as? [String: Any])?["unitCode"] as? String == "FTK")
        #expect((seacliff["offers"] as? [String: Any])?["price"] as? String == "1449000")
        let seller = (seacliff["offers"] as? [String: Any])?["seller"] as? [String: Any]
        #expect(seller?["name"] as? String == "Seacliff Realty")

        let ames = try object(try #require(records["AMES-0001"]))
        #expect(ames["@type"] as? String == "SingleFamilyResidence")
        #expect((ames["offers"] as? [String: Any])?["price"] as? Int == 215_000)
        let apartment = try #require(records["ELM-4B"])
        #expect(apartment.payload.hasPrefix("{\"@context\":\"https://schema.org\",\"@type\":\"Apartment\""), "a whole block as written")
        #expect(!publisher.rawRecords.contains { $0.payload.contains("\"BreadcrumbList\"") && !$0.payload.contains("RealEstateListing") })
    }

    @Test("with types, the first node of one of them is the listing, wherever it sits")
    func configuredTypesPickTheNode() async throws {
        let (fixture, publisher, _) = try await crawl(types: ["SingleFamilyResidence", "Apartment"])
        defer { fixture.server.stop() }
        let types = try publisher.rawRecords.map { try object($0)["@type"] as? String }
        #expect(types.sorted { ($0 ?? "") < ($1 ?? "") } == ["Apartment", "SingleFamilyResidence", "SingleFamilyResidence"])
        let residence = try #require(try publisher.rawRecords.map(object).first { ($0["name"] as? String) == "840 Seacliff Drive" })
        #expect((residence["address"] as? [String: Any])?["addressLocality"] as? String == "Aptos")
    }

    @Test("a page without a node of the configured types is dead-lettered, naming the types it has")
    func missingTypeIsDeadLettered() async throws {
        let (fixture, publisher, summary) = try await crawl(types: ["House"])
        defer { fixture.server.stop() }
        #expect(publisher.rawRecords.isEmpty)
        #expect(summary.deadLetters == 3)
        let reasons = publisher.deadLetters.flatMap(\.reasons)
        #expect(reasons.allSatisfy { $0.code == "crawler.noRecord" })
        #expect(reasons.contains { $0.message.contains("found WebPage, BreadcrumbList, WebSite, RealEstateListing") })
    }
}
