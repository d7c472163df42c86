import Foundation

/// An XML element read by ``SafeXMLReader``: name, attributes in document order, and its
/// children (elements and text) in order.
public struct XMLTreeElement: Sendable, Equatable {
    /// One child of an element.
    public enum Child: Sendable, Equatable {
        /// A child element.
        case element(XMLTreeElement)
        /// Character data.
        case text(String)
    }

    /// The element's qualified name.
    public var name: String
    /// The attributes, in document order.
    public var attributes: [XMLAttribute]
    /// The children, in document order.
    public var children: [Child]
    /// The line the element starts on in the document it was read from.
    public var line: Int

    /// Creates an element.
    public init(name: String, attributes: [XMLAttribute] = [], children: [Child] = [], line: Int = 0) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    /// Reads the root element of `data` safely (see ``SafeXMLReader``).
    /// - Throws: ``XMLReadError`` when the document is empty, declares a DTD, is not
    ///   well-formed or is cut.
    public init(document data: Data) throws(XMLReadError) {
        var builder = XMLTreeBuilder()
        var root: XMLTreeElement?
        try SafeXMLReader.read(data) { event in
            if let element = builder.add(event), root == nil { root = element }
        }
        guard let root else { throw XMLReadError(.notWellFormed, reason: "the document has no root element") }
        self = root
    }

    /// The child elements, in order.
    public var elements: [XMLTreeElement] {
        children.compactMap { child in
            if case .element(let element) = child { element } else { nil }
        }
    }

    /// The value of the attribute `name`, if present.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// All character data inside the element, descendants included, in document order.
    public var text: String {
        children.map { child in
            switch child {
            case .element(let element): element.text
            case .text(let text): text
            }
        }.joined()
    }

    /// The element written back as XML: text and attribute values escaped, no declaration.
    public var xmlString: String {
        var output = "<\(name)"
        for attribute in attributes {
            output += " \(attribute.name)=\"\(XMLText.escaped(attribute.value))\""
        }
        output += ">"
        for child in children {
            switch child {
            case .element(let element): output += element.xmlString
            case .text(let text): output += XMLText.escaped(text)
            }
        }
        return output + "</\(name)>"
    }
}
