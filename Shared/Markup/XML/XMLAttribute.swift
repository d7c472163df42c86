/// One attribute of an XML element.
public struct XMLAttribute: Sendable, Equatable {
    /// The attribute's qualified name, for example `id` or `xml:lang`.
    public var name: String
    /// The attribute's value, references replaced.
    public var value: String

    /// Creates an attribute.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
