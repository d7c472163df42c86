/// How one canonical field is read from a source's records.
///
/// A ``SourceDescriptor/mapping`` holds one of these per canonical field name. The path
/// resolves structural differences (where the value is); unit, format, language and
/// vocabulary resolve semantic ones (what the value means).
public struct FieldMapping: Codable, Sendable, Equatable {
    /// Where the value is in a record, read according to the source's ``RecordFormat``: a dot
    /// path into nested JSON (`listing.details.area`, `$.price.value`, `rooms[0].size`), a CSV
    /// column name (`Living Area`), an XML element path (`Sale/Price`, `Parcel/@id`) or an
    /// XPath for HTML.
    public var path: String

    /// The unit of the source value when the value itself does not say, for example `"sqft"`,
    /// `"m2"`, `"acre"`; a unit written in the value (`"1200 sqft"`) takes precedence.
    public var unit: String?

    /// A parse pattern for dates and numbers, for example `"yyyy-MM"`, `"MMMM yyyy"` or
    /// `"#.##0,00"`.
    public var format: String?

    /// The BCP 47 language of the text, for example `"de"` for `"Mai 1990"`; defaults to the
    /// source's ``SourceDescriptor/locale``.
    public var language: String?

    /// Source terms mapped to canonical terms, for example `["Fernwärme": "district"]`; terms
    /// not listed are kept as they are.
    public var vocabulary: [String: String]?

    /// The value to use, as text, when the path finds nothing; `"default"` in JSON.
    public var defaultValue: String?

    /// Creates a field mapping.
    ///
    /// - Parameters:
    ///   - path: Where the value is in a record.
    ///   - unit: The unit of the source value.
    ///   - format: A parse pattern for dates and numbers.
    ///   - language: The BCP 47 language of the text.
    ///   - vocabulary: Source terms mapped to canonical terms.
    ///   - defaultValue: The value to use when the path finds nothing.
    public init(
        path: String,
        unit: String? = nil,
        format: String? = nil,
        language: String? = nil,
        vocabulary: [String: String]? = nil,
        defaultValue: String? = nil
    ) {
        self.path = path
        self.unit = unit
        self.format = format
        self.language = language
        self.vocabulary = vocabulary
        self.defaultValue = defaultValue
    }

    private enum CodingKeys: String, CodingKey {
        case path
        case unit
        case format
        case language
        case vocabulary
        case defaultValue = "default"
    }
}
