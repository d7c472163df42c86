import Foundation
import Markup

/// Renders the scenario website's pages: search result pages and listing detail pages with
/// schema.org JSON-LD and readable HTML.
enum ListingPageRenderer {
    static func searchPage(listings: ArraySlice<WebListing>, page: Int, pageCount: Int) -> String {
        var items = ""
        for listing in listings {
            let home = listing.home
            items += """
                <li class="result"><a class="listing-link" href="/listing/\(listing.listingId)">\(escape("\(home.houseNumber) \(home.street), \(home.city)"))</a>
                <span class="price">\(TextFormats.dollars(listing.askingPrice))</span>
                <a class="edit" href="/admin/listing/\(listing.listingId)/edit">edit</a></li>

                """
        }
        let previous = page > 1 ? "<a rel=\"prev\" href=\"/search?page=\(page - 1)\">Previous</a>" : ""
        let next = page < pageCount ? "<a rel=\"next\" href=\"/search?page=\(page + 1)\">Next</a>" : ""
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Homes for sale — page \(page)</title></head>
            <body><h1>Homes for sale</h1>
            <p><a href="/search?sort=price&amp;page=\(page)">Sort by price</a> · <a href="https://ads.example.com/banner">Advertise</a></p>
            <ol class="results">
            \(items)</ol>
            <nav class="pagination">\(previous) Page \(page) of \(pageCount) \(next)</nav>
            </body></html>

            """
    }

    static func detailPage(_ listing: WebListing, price: Double, baseURL: String, fault: PageFault?, views: Int) -> String {
        let home = listing.home
        let schemaType =
            switch home.propertyType {
            case .apartment: "Apartment"
            case .house: "SingleFamilyResidence"
            default: "House"
            }
        let address = JSONText.object([
            ("@type", .string("PostalAddress")),
            ("streetAddress", .string("\(home.houseNumber) \(home.street)")),
            ("addressLocality", .string(home.city)),
            ("addressRegion", .string(home.state)),
            ("postalCode", .string(home.postalCode)),
            ("addressCountry", .string(home.region.rawValue)),
        ])
        let geo: JSONText? = home.latitude.flatMap { latitude in
            home.longitude.map {
                .object([("@type", .string("GeoCoordinates")), ("latitude", .number(latitude)), ("longitude", .number($0))])
            }
        }
        let jsonLD = JSONText.object(dropping: [
            ("@context", .string("https://schema.org")),
            ("@type", .string(schemaType)),
            ("identifier", .string(listing.listingId)),
            ("url", .string("\(baseURL)/listing/\(listing.listingId)")),
            ("name", .string("\(home.houseNumber) \(home.street), \(home.city), \(home.state) \(home.postalCode)")),
            ("address", address),
            ("geo", geo),
            (
                "floorSize",
                home.livingArea.map {
                    .object([
                        ("@type", .string("QuantitativeValue")), ("value", .integer(TextFormats.squareFeet($0))),
                        ("unitCode", .string("FTK")),
                    ])
                }
            ),
            ("numberOfRooms", home.rooms.map { .integer($0) }),
            ("numberOfBedrooms", home.bedrooms.map { .integer($0) }),
            ("numberOfBathroomsTotal", home.bathrooms.map { .number($0) }),
            ("yearBuilt", home.builtYear.map { .integer($0) }),
            ("offers", .object([("@type", .string("Offer")), ("price", .number(price)), ("priceCurrency", .string(home.currency))])),
        ]).text
        var facts = ""
        if let area = home.livingArea {
            facts +=
                "<dt>Living area</dt><dd class=\"living-area\">\(TextFormats.grouped(TextFormats.squareFeet(area), separator: ",")) sqft</dd>"
        }
        if let bedrooms = home.bedrooms { facts += "<dt>Bedrooms</dt><dd class=\"bedrooms\">\(bedrooms)</dd>" }
        if let bathrooms = home.bathrooms { facts += "<dt>Bathrooms</dt><dd class=\"bathrooms\">\(TextFormats.decimal(bathrooms))</dd>" }
        if let year = home.builtYear { facts += "<dt>Built</dt><dd class=\"built\">\(year)</dd>" }
        let views = fault == .noValidators ? "<p class=\"views\">Viewed \(views) times</p>" : ""
        let broken = fault == .malformedHTML ? "<div class=\"promo\"><p>Great <b>deal <i>today</div></span><table><tr><td>" : ""
        let closing = fault == .malformedHTML ? "" : "</body></html>"
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape("\(home.houseNumber) \(home.street)")) — listing \(listing.listingId)</title>
            <script type="application/ld+json">\(jsonLD)</script></head>
            <body><article class="listing" data-listing-id="\(listing.listingId)">
            <h1 class="address">\(escape("\(home.houseNumber) \(home.street), \(home.city), \(home.state) \(home.postalCode)"))</h1>
            <p class="price">\(TextFormats.dollars(price))</p>
            <dl class="facts">\(facts)</dl>
            \(broken)\(views)
            <p><a href="/search?page=1">Back to search</a> · <a href="/private/contact/\(listing.listingId)">Contact agent</a></p>
            </article>
            \(closing)
            """
    }

    static func escape(_ text: String) -> String {
        XMLText.escaped(text)
    }
}
