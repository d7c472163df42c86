/// Builds ``XMLTreeElement``s from ``XMLEvent``s: feed it events from the element's start to
/// its end and it returns the finished element.
public struct XMLTreeBuilder: Sendable {
    private var open: [XMLTreeElement] = []

    /// Creates an idle builder.
    public init() {}

    /// Whether an element is being built (started and not yet ended).
    public var isBuilding: Bool { !open.isEmpty }

    /// The element being built with what it has so far, its open descendants closed; `nil`
    /// when idle. Used to report the incomplete element of a cut document.
    public var partial: XMLTreeElement? {
        guard var folded = open.last else { return nil }
        for parent in open.dropLast().reversed() {
            var parent = parent
            parent.children.append(.element(folded))
            folded = parent
        }
        return folded
    }

    /// Adds `event`; returns the outermost element when this event ends it. Text outside an
    /// element is ignored.
    public mutating func add(_ event: XMLEvent) -> XMLTreeElement? {
        switch event {
        case .start(let name, let attributes, let line):
            open.append(XMLTreeElement(name: name, attributes: attributes, line: line))
        case .text(let text):
            guard !open.isEmpty else { return nil }
            open[open.count - 1].children.append(.text(text))
        case .end:
            guard let element = open.popLast() else { return nil }
            guard !open.isEmpty else { return element }
            open[open.count - 1].children.append(.element(element))
        }
        return nil
    }
}
