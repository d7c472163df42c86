/// A dot path into a ``JSONValue``, as mappings and producer configurations write them:
/// `address.city`, `$.price.value`, `rooms[0].size`, `items[1][0]`; `$` alone is the whole
/// document.
///
/// The path is read once, at creation; following it looks up one member or element per step.
public struct JSONPath: Sendable, Hashable {
    enum Step: Hashable {
        case key(String)
        case index(Int)
    }

    /// The path as written.
    public let text: String
    /// The members and elements followed, in order.
    let steps: [Step]

    /// Reads `text`: dot-separated member names, each followed by any number of `[index]`,
    /// after an optional leading `$.`.
    public init(_ text: String) {
        self.text = text
        var rest = Substring(text)
        if rest.hasPrefix("$.") { rest = rest.dropFirst(2) } else if rest == "$" { rest = "" }
        var steps: [Step] = []
        for part in rest.split(separator: ".") {
            var name = part
            var indices: [Step] = []
            while name.hasSuffix("]"), let open = name.lastIndex(of: "["),
                let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)])
            {
                indices.insert(.index(index), at: 0)
                name = name[..<open]
            }
            if !name.isEmpty { steps.append(.key(String(name))) }
            steps += indices
        }
        self.steps = steps
    }

    /// The value at this path in `root`; `nil` when a step finds no member or element, or
    /// meets a value of another kind.
    public func value(in root: JSONValue) -> JSONValue? {
        var value = root
        for step in steps {
            switch (step, value) {
            case (.key(let key), .object(let members)):
                guard let member = members[key] else { return nil }
                value = member
            case (.index(let index), .array(let elements)):
                guard elements.indices.contains(index) else { return nil }
                value = elements[index]
            default:
                return nil
            }
        }
        return value
    }
}
