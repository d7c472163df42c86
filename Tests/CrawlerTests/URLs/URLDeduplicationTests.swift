import Crawler
import Foundation
import TestSupport
import Testing

@Suite("URL de-duplication: tracking parameters and canonical links")
struct URLDeduplicationTests {
    @Test("tracking parameters are dropped and the rest is kept sorted")
    func trackingParametersAreDropped() throws {
        let url = URLNormalizer.normalize(
            "HTTPS://Example.org:443/homes/1/?utm_source=news&page=2&fbclid=IwAR&utm_medium=email&sort=price#top",
            droppingParameters: ["utm_*", "fbclid"])
        #expect(url?.absoluteString == "https://example.org/homes/1/?page=2&sort=price")
        #expect(
            URLNormalizer.normalize("https://example.org/a?utm_source=x", droppingParameters: ["utm_*"])?.absoluteString
                == "https://example.org/a")
        #expect(
            URLNormalizer.normalize("https://example.org/a?utmost=1", droppingParameters: ["utm_*"])?.absoluteString
                == "https://example.org/a?utmost=1")
    }

    @Test("share links and an old address naming a canonical page yield each listing once, and are never fetched")
    func shareLinksAndCanonicalAliasesPublishOnce() async throws {
        let fixture = try ListingSiteFixture()
        defer { fixture.server.stop() }
        let (publisher, summary) = try await fixture.crawl(types: [])

        let ids = publisher.rawRecords.map(\.recordId)
        #expect(ids.count == 3 && Set(ids).count == 3, "each listing once: \(ids)")
        let targets = fixture.requests.map(\.target)
        #expect(!targets.contains { $0.contains("utm_") || $0.contains("fbclid") || $0.contains("gclid") })
        #expect(targets.filter { $0 == "/homes/840-seacliff-drive/" }.count == 1)
        #expect(targets.contains("/listing.php?id=ML81962714"), "the old address is read once, for its canonical link")
        #expect(summary.canonicalAliases == 1)
        let seacliff = try #require(publisher.rawRecords.first { $0.recordId == "ML81962714" })
        #expect(seacliff.url?.absoluteString.hasSuffix("/homes/840-seacliff-drive/") == true)
    }

    @Test("without the tracking list, share links are pages of their own: a canonical link still saves one listing, not the other")
    func withoutTheListShareLinksMultiply() async throws {
        let fixture = try ListingSiteFixture()
        defer { fixture.server.stop() }
        let publisher = try await fixture.crawl(types: [], ignoredParameters: []).publisher
        #expect(fixture.requests.contains { $0.target.contains("utm_source=newsletter") }, "the list is what removes them")
        let ids = publisher.rawRecords.map(\.recordId)
        #expect(ids.filter { $0 == "ML81962714" }.count == 1, "its share links name the canonical page")
        #expect(ids.filter { $0 == "AMES-0001" }.count == 2, "a page without a canonical link is published per address")
    }
}
