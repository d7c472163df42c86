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
    /// `"#.##0,00"`; `"00000"` on a postal code pads a code that lost its leading zeros.
    public var format: String?

    /// The BCP 47 language of the text, for example `"de"` for `"Mai 1990"`; defaults to the
    /// source's ``SourceDescriptor/locale``.
    public var language: String?

    /// Source terms mapped to canonical terms, for example `["Fernwärme": "district"]`; terms
    /// not listed are kept as they are.
    public var vocabulary: [String: String]?

    /// The value to use, as text, when the path finds nothing; `"default"` in JSON.
    public var defaultValue: String?

    /// Further paths tried in order when ``path`` finds no value (nothing, `null`, or an
    /// object where a single value was expected): `[price.amount, offers.price]`.
    public var alternatives: [String]?

    /// A value computed from several paths: the sum of each path's number times its weight,
    /// `{"FULL_BATHS": 1, "HALF_BATHS": 0.5}`. Paths without a value count as nothing; no value
    /// at any path is no value. Takes the place of ``path``.
    public var sum: [String: Double]?

    /// A path of the same record that states the unit of this field's values, such as a
    /// schema.org `unitCode` (`FTK`, `MTK`); when it finds a unit, it wins over ``unit``.
    public var unitPath: String?

    /// Whether a record without a value for this field is rejected. A placeholder (`TBD`,
    /// `n/a`, `-`) or a blank counts as no value.
    public var required: Bool?

    /// Creates a field mapping.
    ///
    /// - Parameters:
    ///   - path: Where the value is in a record.
    ///   - unit: The unit of the source value.
    ///   - format: A parse pattern for dates and numbers.
    ///   - language: The BCP 47 language of the text.
    ///   - vocabulary: Source terms mapped to canonical terms.
    ///   - defaultValue: The value to use when the path finds nothing.
    ///   - alternatives: Further paths tried in order.
    ///   - sum: Paths whose weighted numbers add up to the value.
    ///   - unitPath: A path stating the unit of the value.
    ///   - required: Whether a record without a value is rejected.
    public init(
        path: String,
        unit: String? = nil,
        format: String? = nil,
        language: String? = nil,
        vocabulary: [String: String]? = nil,
        defaultValue: String? = nil,
        alternatives: [String]? = nil,
        sum: [String: Double]? = nil,
        unitPath: String? = nil,
        required: Bool? = nil
    ) {
        self.path = path
        self.unit = unit
        self.format = format
        self.language = language
        self.vocabulary = vocabulary
        self.defaultValue = defaultValue
        self.alternatives = alternatives
        self.sum = sum
        self.unitPath = unitPath
        self.required = required
    }

    /// Every path the value may be at, in the order they are tried.
    public var paths: [String] {
        guard let alternatives, !alternatives.isEmpty else { return path.isEmpty ? [] : [path] }
        return ([path] + alternatives).filter { !$0.isEmpty }
    }

    private enum CodingKeys: String, CodingKey {
        case path
        case unit
        case format
        case language
        case vocabulary
        case defaultValue = "default"
        case alternatives
        case sum
        case unitPath
        case required
    }
}
