/// One canonical field of a mapped record: the parsed value and the source text it came from.
public struct FieldValue: Sendable, Equatable, Codable {
    /// The value in canonical form.
    public var value: CanonicalValue
    /// The text as the source gave it, kept for provenance: `"1200 sqft"`.
    public var raw: String

    /// Creates a field value.
    public init(_ value: CanonicalValue, raw: String) {
        self.value = value
        self.raw = raw
    }
}
