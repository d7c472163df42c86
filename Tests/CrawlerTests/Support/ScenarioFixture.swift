import Crawler
import Foundation
import Scenario
import Schema
import ServiceSupport

/// A small scenario website and a crawler configuration for it.
struct ScenarioFixture {
    let website: ScenarioWebsite
    let server: LocalHTTPServer
    let stateFile: URL

    init(listings count: Int) throws {
        var listings: [WebListing] = []
        for index in 0..<count {
            let home = ScenarioHome(
                id: "home-\(index)", index: index, region: .us, propertyType: .house, street: "Oak Ave",
                houseNumber: String(100 + index), city: "Ames", state: "IA", postalCode: "50010", price: 200_000,
                livingArea: 150, bedrooms: 3, bathrooms: 2, builtYear: 1990, builtMonth: 5)
            listings.append(WebListing(listingId: "L\(index)", home: home, askingPrice: 210_000 + Double(index)))
        }
        website = ScenarioWebsite(
            site: ListingSite(listings: listings, configuration: .init(pageSize: 10, slowDelay: .milliseconds(50))), feeds: [])
        server = try website.serve()
        stateFile = FileManager.default.temporaryDirectory.appendingPathComponent("crawl-\(UUID().uuidString).jsonl")
    }

    var site: SiteConfiguration {
        SiteConfiguration(
            descriptor: SourceDescriptor(
                id: "us-listings-web", name: "Scenario listings", kind: .crawledSite, region: "US", currency: "USD",
                format: .json, mapping: ["price.amount": FieldMapping(path: "offers.price")], publishedAt: Date()),
            startURLs: [server.baseURL.appendingPathComponent("search").appending(queryItems: [URLQueryItem(name: "page", value: "1")])],
            allowedHosts: ["127.0.0.1:\(server.port)"],
            followPatterns: ["^/search\\?page=[0-9]+$", "^/admin/", "^/private/"],
            recordPatterns: ["^/listing/[A-Za-z0-9-]+$"],
            maximumDepth: 50,
            extraction: .jsonLD(types: [], recordIdPath: "identifier"))
    }

    var settings: CrawlerSettings {
        CrawlerSettings(
            userAgent: "HomePriceCrawler/test", politenessDelay: .zero, maximumConcurrency: 4, maximumPendingDeliveries: 100,
            maximumAttempts: 3,
            initialBackoff: .milliseconds(10), requestTimeout: .seconds(60), stateFile: stateFile)
    }
}
