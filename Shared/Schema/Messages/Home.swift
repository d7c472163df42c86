import Foundation

/// A home in canonical form: one entity merged from every source that lists it.
///
/// Published on ``Topic/homesNormalized`` by the normalizer, keyed by ``id``, and loaded
/// into the warehouse. Units are canonical: areas in square metres, prices with an explicit
/// currency, categorical values as canonical terms. ``provenance`` keeps every source's
/// value of every field.
public struct Home: SchemaMessage {
    /// Version 2: ``rooms`` is a number (German listings count half rooms: `5,5 Zimmer`);
    /// ``floor``, ``listingDate``, ``saleDate`` and ``priceHistory`` are new. Version 1
    /// messages (whole rooms, no history) read as they are.
    public static let currentSchemaVersion = 2

    /// ``Topic/homesNormalized``.
    public static let topic = Topic.homesNormalized

    /// The schema version the producer wrote.
    public var schemaVersion: Int

    /// The stable home id assigned by entity resolution.
    public var id: String

    /// The market region, an ISO 3166-1 alpha-2 code such as `"US"`, `"CA"` or `"DE"`.
    public var region: String

    /// The kind of building or plot.
    public var propertyType: PropertyType?

    /// The postal address.
    public var address: Address

    /// The position of the home.
    public var coordinates: Coordinates?

    /// The price in the region's or source's currency.
    public var price: Money?

    /// What ``price`` stands for.
    public var priceKind: PriceKind?

    /// ``price`` converted to US dollars at the rate of the fetch day, for cross-region models.
    public var priceInUSD: Double?

    /// The living area in square metres.
    public var livingArea: Double?

    /// The lot area in square metres.
    public var lotArea: Double?

    /// The number of rooms, counted as the region counts them; German listings count half
    /// rooms (`5,5 Zimmer`).
    public var rooms: Double?

    /// The number of bedrooms.
    public var bedrooms: Int?

    /// The number of bathrooms; a half bath counts 0.5.
    public var bathrooms: Double?

    /// The number of garage or covered parking spaces.
    public var garageSpaces: Int?

    /// The floor a flat is on; 0 is the ground floor.
    public var floor: Int?

    /// The year the home was built.
    public var builtYear: Int?

    /// The month (1–12) the home was built, when known.
    public var builtMonth: Int?

    /// The canonical heating term, for example `"gas"`, `"heatPump"` or `"district"`.
    public var heating: String?

    /// The canonical cooling term, for example `"central"` or `"none"`.
    public var cooling: String?

    /// When the home was (last) listed for sale, ISO 8601 as precise as the source.
    public var listingDate: String?

    /// When the home was last sold, ISO 8601 as precise as the source.
    public var saleDate: String?

    /// Every price any source reported (asking prices, sales, assessments), oldest first;
    /// absent in version 1 messages.
    public var priceHistory: [PriceEvent]?

    /// Attributes without a canonical field, by name, as text.
    public var extra: [String: String]

    /// Every source value of every field, by canonical field name (as in
    /// ``SourceDescriptor/mapping``); exactly one entry per field has `chosen` set.
    public var provenance: [String: [ProvenanceEntry]]

    /// The fields on which the sources disagreed.
    public var conflicts: [FieldConflict]

    /// When the normalizer produced this version of the home.
    public var normalizedAt: Date

    /// Set when this home was merged into another: the surviving home's id. Such a message
    /// announces the retirement (its other fields are the home's last state); consumers drop
    /// the home, and the preprocessor publishes a retired ``FeatureRow``.
    public var retiredInto: String?

    /// The warehouse's revision number of the home: 1 when it was first stored, one more with
    /// every change, retirement and return; a replay publishes the same number again. Two
    /// messages of a home may reach `homes.normalized` out of order (a retried produce request,
    /// two normalizer instances), so a reader keeps the one with the higher number
    /// (``SchemaMessage/replaces(_:)``). `nil` in messages written before homes were numbered.
    public var version: Int?

    /// The home id.
    public var key: String { id }

    /// ``version``.
    public var entityVersion: Int? { version }

    /// The most recent sale in ``priceHistory``, if any.
    public var lastSale: PriceEvent? { priceHistory?.last { $0.kind == .sold } }

    /// Creates a canonical home.
    ///
    /// - Parameters:
    ///   - id: The stable home id.
    ///   - region: The market region.
    ///   - propertyType: The kind of building or plot.
    ///   - address: The postal address.
    ///   - coordinates: The position of the home.
    ///   - price: The price.
    ///   - priceKind: What `price` stands for.
    ///   - priceInUSD: The price in US dollars.
    ///   - livingArea: The living area in square metres.
    ///   - lotArea: The lot area in square metres.
    ///   - rooms: The number of rooms.
    ///   - bedrooms: The number of bedrooms.
    ///   - bathrooms: The number of bathrooms.
    ///   - garageSpaces: The number of garage spaces.
    ///   - floor: The floor a flat is on.
    ///   - builtYear: The year the home was built.
    ///   - builtMonth: The month the home was built.
    ///   - heating: The canonical heating term.
    ///   - cooling: The canonical cooling term.
    ///   - listingDate: When the home was last listed.
    ///   - saleDate: When the home was last sold.
    ///   - priceHistory: Every price any source reported, oldest first.
    ///   - extra: Attributes without a canonical field.
    ///   - provenance: Every source value of every field.
    ///   - conflicts: The fields on which the sources disagreed.
    ///   - normalizedAt: When this version was produced.
    ///   - retiredInto: The surviving home's id, when this home was merged into it.
    ///   - version: The warehouse's revision number of the home.
    ///   - schemaVersion: The schema version; defaults to the current one.
    public init(
        id: String,
        region: String,
        propertyType: PropertyType? = nil,
        address: Address,
        coordinates: Coordinates? = nil,
        price: Money? = nil,
        priceKind: PriceKind? = nil,
        priceInUSD: Double? = nil,
        livingArea: Double? = nil,
        lotArea: Double? = nil,
        rooms: Double? = nil,
        bedrooms: Int? = nil,
        bathrooms: Double? = nil,
        garageSpaces: Int? = nil,
        floor: Int? = nil,
        builtYear: Int? = nil,
        builtMonth: Int? = nil,
        heating: String? = nil,
        cooling: String? = nil,
        listingDate: String? = nil,
        saleDate: String? = nil,
        priceHistory: [PriceEvent]? = nil,
        extra: [String: String] = [:],
        provenance: [String: [ProvenanceEntry]] = [:],
        conflicts: [FieldConflict] = [],
        normalizedAt: Date,
        retiredInto: String? = nil,
        version: Int? = nil,
        schemaVersion: Int = Home.currentSchemaVersion
    ) {
        self.schemaVersion = schemaVersion
        self.id = id
        self.region = region
        self.propertyType = propertyType
        self.address = address
        self.coordinates = coordinates
        self.price = price
        self.priceKind = priceKind
        self.priceInUSD = priceInUSD
        self.livingArea = livingArea
        self.lotArea = lotArea
        self.rooms = rooms
        self.bedrooms = bedrooms
        self.bathrooms = bathrooms
        self.garageSpaces = garageSpaces
        self.floor = floor
        self.builtYear = builtYear
        self.builtMonth = builtMonth
        self.heating = heating
        self.cooling = cooling
        self.listingDate = listingDate
        self.saleDate = saleDate
        self.priceHistory = priceHistory
        self.extra = extra
        self.provenance = provenance
        self.conflicts = conflicts
        self.normalizedAt = normalizedAt
        self.retiredInto = retiredInto
        self.version = version
    }
}
