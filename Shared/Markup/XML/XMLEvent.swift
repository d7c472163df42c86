/// One step of reading an XML document with ``SafeXMLReader``, in document order.
public enum XMLEvent: Sendable, Equatable {
    /// An element opens: its name, its attributes in document order and the line it starts on.
    case start(name: String, attributes: [XMLAttribute], line: Int)
    /// Character data (text, CDATA, whitespace), with character and predefined entity
    /// references already replaced.
    case text(String)
    /// The element opened last closes (also sent for an empty element such as `<Price/>`).
    case end(name: String)
}
