import Foundation

/// A source's catalog entry: what it is and how to read its records.
///
/// Each source producer publishes its descriptor on ``Topic/sourcesCatalog`` when it
/// starts, keyed by ``id``; the normalizer keeps the latest descriptor per source and
/// applies its ``mapping`` to the source's ``RawRecord``s.
public struct SourceDescriptor: SchemaMessage {
    /// Version 2: a ``FieldMapping`` may give `alternatives`, a `sum`, a `unitPath` and
    /// `required`, which change how a record is read, so a reader of version 1 must refuse the
    /// entry rather than silently misread it. Version 1 entries read as they are.
    public static let currentSchemaVersion = 2

    /// ``Topic/sourcesCatalog``.
    public static let topic = Topic.sourcesCatalog

    /// The schema version the producer wrote.
    public var schemaVersion: Int

    /// The stable source id, for example `"us-zillow-crawl"`.
    public var id: String

    /// A display name.
    public var name: String

    /// What kind of source this is.
    public var kind: SourceKind

    /// The market region its records belong to, an ISO 3166-1 alpha-2 code.
    public var region: String

    /// The ISO 4217 currency of amounts that do not name their own.
    public var currency: String

    /// The text format of its record payloads.
    public var format: RecordFormat

    /// The BCP 47 locale of numbers, dates and words, for example `"de-DE"`.
    public var locale: String?

    /// How each canonical field is read, by canonical field name.
    ///
    /// Names are the JSON paths of ``Home``: `"address.street"`, `"address.postalCode"`,
    /// `"price.amount"`, `"price.currency"`, `"livingArea"`, `"lotArea"`, `"rooms"`,
    /// `"bedrooms"`, `"bathrooms"`, `"garageSpaces"`, `"builtYear"`, `"builtMonth"`,
    /// `"heating"`, `"cooling"`, `"propertyType"`, `"priceKind"`, `"coordinates.latitude"`,
    /// … and `"extra.<name>"` for attributes without a canonical field.
    public var mapping: [String: FieldMapping]

    /// When the producer published this descriptor.
    public var publishedAt: Date

    /// The source id.
    public var key: String { id }

    /// Creates a source descriptor.
    ///
    /// - Parameters:
    ///   - id: The stable source id.
    ///   - name: A display name.
    ///   - kind: What kind of source this is.
    ///   - region: The market region of its records.
    ///   - currency: The currency of amounts that do not name their own.
    ///   - format: The text format of its payloads.
    ///   - locale: The locale of numbers, dates and words.
    ///   - mapping: How each canonical field is read.
    ///   - publishedAt: When the descriptor was published.
    ///   - schemaVersion: The schema version; defaults to the current one.
    public init(
        id: String,
        name: String,
        kind: SourceKind,
        region: String,
        currency: String,
        format: RecordFormat,
        locale: String? = nil,
        mapping: [String: FieldMapping],
        publishedAt: Date,
        schemaVersion: Int = SourceDescriptor.currentSchemaVersion
    ) {
        self.schemaVersion = schemaVersion
        self.id = id
        self.name = name
        self.kind = kind
        self.region = region
        self.currency = currency
        self.format = format
        self.locale = locale
        self.mapping = mapping
        self.publishedAt = publishedAt
    }
}
