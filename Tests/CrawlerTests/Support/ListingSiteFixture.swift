import Crawler
import Foundation
import Logging
import Schema
import ServiceSupport
import Synchronization
import TestSupport

/// A small listing website whose pages carry schema.org JSON-LD the way real sites emit it,
/// served on 127.0.0.1 with every request logged with its time.
///
/// The shapes follow public listing pages: a WordPress SEO plugin's `@graph` (`WebPage`,
/// `BreadcrumbList`, `WebSite` with a `SearchAction`, a `RealEstateListing` whose `mainEntity`
/// references the `SingleFamilyResidence` by `@id`, the agency as `Organization` +
/// `RealEstateAgent`), a top-level array (breadcrumb, then the house), and two separate blocks
/// (breadcrumb first). The listings' facts are public: 840 Seacliff Drive, Aptos (an agent's
/// published single-property site) and the first sale of the Ames, Iowa dataset
/// (`shared/data/ames.csv`: 1,656 sq ft, built 1960, 3 bedrooms, $215,000). Share links carry
/// `utm_*`/`fbclid` parameters and an old `listing.php` address names the pretty URL as its
/// canonical, as sites do.
final class ListingSiteFixture: Sendable {
    /// One request the site received: its target and when.
    struct Request: Sendable {
        let target: String
        let at: ContinuousClock.Instant
    }

    /// What the server shares with the fixture: the request log and the base URL.
    private final class State: Sendable {
        let requests = Mutex<[Request]>([])
        let base = Mutex("")
    }

    let server: LocalHTTPServer
    private let state = State()

    init() throws {
        let state = state
        server = try LocalHTTPServer { request in
            state.requests.withLock { $0.append(Request(target: request.target, at: .now)) }
            return Self.respond(to: request, base: state.base.withLock { $0 })
        }
        state.base.withLock { $0 = server.baseURL.absoluteString }
    }

    /// Every request, in order.
    var requests: [Request] { state.requests.withLock { $0 } }

    /// The site's crawl configuration: the index, then listing pages (and the old addresses),
    /// with a record pattern as loose as users write them (any query accepted).
    func site(types: [String], ignoredParameters: [String] = ["utm_*", "fbclid", "gclid"]) -> SiteConfiguration {
        SiteConfiguration(
            descriptor: SourceDescriptor(
                id: "us-realty-web", name: "Seacliff Realty", kind: .crawledSite, region: "US", currency: "USD", format: .json,
                mapping: ["price.amount": FieldMapping(path: "offers.price")], publishedAt: Date()),
            startURLs: [server.baseURL.appendingPathComponent("homes/")],
            allowedHosts: ["127.0.0.1:\(server.port)"],
            followPatterns: ["^/homes/$"],
            recordPatterns: ["^/homes/[a-z0-9-]+/", "^/listing\\.php\\?"],
            maximumDepth: 2,
            extraction: .jsonLD(types: types, recordIdPath: "identifier"),
            ignoredParameters: ignoredParameters)
    }

    /// Crawls the site once with a fresh journal and returns what was published.
    func crawl(
        types: [String], ignoredParameters: [String] = ["utm_*", "fbclid", "gclid"]
    ) async throws -> (publisher: RecordingPublisher, summary: CrawlSummary) {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("crawl-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: state) }
        let settings = CrawlerSettings(
            userAgent: "HomePriceCrawler/test", politenessDelay: .zero, maximumConcurrency: 4, maximumPendingDeliveries: 8,
            maximumAttempts: 2, initialBackoff: .milliseconds(10), requestTimeout: .seconds(60), stateFile: state)
        let publisher = RecordingPublisher()
        var logger = Logger(label: "crawler-tests")
        logger.logLevel = .error
        let summary = try await Crawler(
            site: site(types: types, ignoredParameters: ignoredParameters), settings: settings, publisher: publisher, logger: logger
        ).crawl()
        return (publisher, summary)
    }

    private static func respond(to request: HTTPRequest, base: String) -> HTTPResponse {
        let page: String? =
            switch request.path {
            case "/robots.txt": "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n"
            case "/homes/": index
            case "/homes/840-seacliff-drive/": seacliff
            case "/homes/3-bed-ranch-north-ames/": amesRanch
            case "/homes/apartment-4b-elm-street/": apartment
            case "/listing.php": legacySeacliff
            default: nil
            }
        guard let page else { return .notFound }
        let type = request.path == "/robots.txt" ? "text/plain; charset=utf-8" : "text/html; charset=UTF-8"
        return .text(page.replacingOccurrences(of: "{{BASE}}", with: base), contentType: type)
    }

    static let index = """
        <!DOCTYPE html>
        <html lang="en-US"><head><meta charset="UTF-8"><title>Homes for sale | Seacliff Realty</title>
        <link rel="canonical" href="{{BASE}}/homes/" /></head>
        <body><main><h1>Homes for sale</h1>
        <article><a href="/homes/840-seacliff-drive/">840 Seacliff Drive, Aptos</a>
        <a class="share" href="/homes/840-seacliff-drive/?utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=may">Share</a>
        <a class="share" href="{{BASE}}/homes/840-seacliff-drive/?fbclid=IwAR2xQ7Vx0b9mZ_LtE#gallery">Facebook</a></article>
        <article><a href="/homes/3-bed-ranch-north-ames/?utm_source=zillow">3-bed ranch, North Ames</a>
        <a href="/homes/3-bed-ranch-north-ames/">Details</a></article>
        <article><a href="/homes/apartment-4b-elm-street/#photos">Apartment 4B, Elm Street</a></article>
        <p><a href="/listing.php?id=ML81962714&amp;gclid=Cj0KCQjw">Old link</a> <a href="/wp-admin/">Admin</a></p>
        </main></body></html>
        """

    static let seacliff = """
        <!DOCTYPE html>
        <html lang="en-US"><head><meta charset="UTF-8">
        <title>840 Seacliff Drive, Aptos, CA 95003 | Seacliff Realty</title>
        <link rel="canonical" href="{{BASE}}/homes/840-seacliff-drive/" />
        <meta property="og:type" content="article" />
        <script type="application/ld+json" class="yoast-schema-graph">{"@context":"https://schema.org","@graph":[\
        {"@type":"WebPage","@id":"{{BASE}}/homes/840-seacliff-drive/","url":"{{BASE}}/homes/840-seacliff-drive/",\
        "name":"840 Seacliff Drive, Aptos, CA 95003 | Seacliff Realty","isPartOf":{"@id":"{{BASE}}/#website"},\
        "datePublished":"2024-05-02T16:04:11+00:00","breadcrumb":{"@id":"{{BASE}}/homes/840-seacliff-drive/#breadcrumb"},\
        "inLanguage":"en-US"},\
        {"@type":"BreadcrumbList","@id":"{{BASE}}/homes/840-seacliff-drive/#breadcrumb","itemListElement":[\
        {"@type":"ListItem","position":1,"name":"Home","item":"{{BASE}}/"},\
        {"@type":"ListItem","position":2,"name":"Homes for sale","item":"{{BASE}}/homes/"},\
        {"@type":"ListItem","position":3,"name":"840 Seacliff Drive"}]},\
        {"@type":"WebSite","@id":"{{BASE}}/#website","url":"{{BASE}}/","name":"Seacliff Realty",\
        "publisher":{"@id":"{{BASE}}/#organization"},"potentialAction":[{"@type":"SearchAction",\
        "target":{"@type":"EntryPoint","urlTemplate":"{{BASE}}/?s={search_term_string}"},\
        "query-input":{"@type":"PropertyValueSpecification","valueRequired":true,"valueName":"search_term_string"}}],\
        "inLanguage":"en-US"},\
        {"@type":"RealEstateListing","@id":"{{BASE}}/homes/840-seacliff-drive/#listing","identifier":"ML81962714",\
        "url":"{{BASE}}/homes/840-seacliff-drive/","name":"840 Seacliff Drive","datePosted":"2024-05-02",\
        "description":"Offering the best of both worlds, this Seacliff retreat is tucked away on a quiet cul-de-sac.",\
        "mainEntity":{"@id":"{{BASE}}/homes/840-seacliff-drive/#residence"},\
        "offers":{"@type":"Offer","price":"1449000","priceCurrency":"USD","availability":"https://schema.org/InStock",\
        "businessFunction":"http://purl.org/goodrelations/v1#Sell","seller":{"@id":"{{BASE}}/#organization"}}},\
        {"@type":"SingleFamilyResidence","@id":"{{BASE}}/homes/840-seacliff-drive/#residence","name":"840 Seacliff Drive",\
        "address":{"@type":"PostalAddress","streetAddress":"840 Seacliff Drive","addressLocality":"Aptos",\
        "addressRegion":"CA","postalCode":"95003","addressCountry":"US"},"numberOfRooms":"3",\
        "floorSize":{"@type":"QuantitativeValue","value":"2144","unitCode":"FTK"}},\
        {"@type":["Organization","RealEstateAgent"],"@id":"{{BASE}}/#organization","name":"Seacliff Realty",\
        "url":"{{BASE}}/","telephone":"+1-831-555-0142","logo":{"@type":"ImageObject","@id":"{{BASE}}/#logo",\
        "url":"{{BASE}}/wp-content/uploads/logo.png","width":300,"height":80}}]}</script>
        </head>
        <body><article><h1>840 Seacliff Drive</h1><p class="price">$1,449,000</p>
        <a href="/homes/">All homes</a> <a href="/homes/840-seacliff-drive/?utm_source=site&amp;utm_medium=share">Share</a></article>
        </body></html>
        """

    static let amesRanch = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>3-bed ranch in North Ames</title>
        <script type="application/ld+json">[{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[\
        {"@type":"ListItem","position":1,"name":"Iowa","item":"{{BASE}}/homes/"},\
        {"@type":"ListItem","position":2,"name":"Ames","item":"{{BASE}}/homes/"}]},\
        {"@context":"https://schema.org","@type":"SingleFamilyResidence","identifier":"AMES-0001",\
        "name":"3-bed ranch, North Ames","address":{"@type":"PostalAddress","addressLocality":"Ames","addressRegion":"IA",\
        "addressCountry":"US"},"geo":{"@type":"GeoCoordinates","latitude":42.054035,"longitude":-93.619754},\
        "floorSize":{"@type":"QuantitativeValue","value":1656,"unitCode":"FTK"},"numberOfBedrooms":3,\
        "numberOfBathroomsTotal":1,"yearBuilt":1960,"offers":{"@type":"Offer","price":215000,"priceCurrency":"USD"}}]</script>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"RealEstateAgent","name":"Story County Homes",\
        "address":{"@type":"PostalAddress","addressLocality":"Ames","addressRegion":"IA"}}</script>
        </head><body><h1>3-bed ranch, North Ames</h1></body></html>
        """

    static let apartment = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Apartment 4B, Elm Street</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[\
        {"@type":"ListItem","position":1,"name":"Homes","item":"{{BASE}}/homes/"},\
        {"@type":"ListItem","position":2,"name":"Apartment 4B"}]}</script>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"Apartment","identifier":"ELM-4B",\
        "name":"Apartment 4B, 12 Elm Street","numberOfRooms":2,"floorLevel":"4",\
        "address":{"@type":"PostalAddress","streetAddress":"12 Elm Street, Apt 4B","addressLocality":"Ames",\
        "addressRegion":"IA","postalCode":"50010","addressCountry":"US"},\
        "offers":{"@type":"Offer","price":"139900","priceCurrency":"USD"}}</script>
        </head><body><h1>Apartment 4B</h1></body></html>
        """

    /// The listing's old address: the same graph, naming the pretty URL as canonical.
    static var legacySeacliff: String {
        seacliff.replacingOccurrences(of: "<meta property=\"og:type\" content=\"article\" />", with: "")
    }
}
