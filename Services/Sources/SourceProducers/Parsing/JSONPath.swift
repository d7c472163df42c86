/// A dot path into decoded JSON: `objekt.nummer`, `items[0].id`, `$.listingId`.
struct JSONPath: Sendable, Equatable {
    private enum Step: Equatable {
        case key(String)
        case index(Int)
    }

    private let steps: [Step]
    /// The path as written.
    let text: String

    init(_ text: String) {
        self.text = text
        var steps: [Step] = []
        let trimmed = text.hasPrefix("$.") ? String(text.dropFirst(2)) : text
        for part in trimmed.split(separator: ".") {
            var name = Substring(part)
            var indices: [Int] = []
            while name.hasSuffix("]"), let open = name.lastIndex(of: "["),
                let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)])
            {
                indices.insert(index, at: 0)
                name = name[..<open]
            }
            if !name.isEmpty { steps.append(.key(String(name))) }
            steps += indices.map(Step.index)
        }
        self.steps = steps
    }

    /// The value at this path in `object` as text: strings as they are, numbers and booleans
    /// printed; `nil` when absent, null, an object or an array.
    func string(in object: Any) -> String? {
        var current: Any = object
        for step in steps {
            switch step {
            case .key(let key):
                guard let dictionary = current as? [String: Any], let next = dictionary[key] else { return nil }
                current = next
            case .index(let index):
                guard let array = current as? [Any], array.indices.contains(index) else { return nil }
                current = array[index]
            }
        }
        switch current {
        case let text as String: return text
        case let number as Int: return String(number)
        case let number as Double: return number == number.rounded() ? String(Int(number)) : String(number)
        case let flag as Bool: return String(flag)
        default: return nil
        }
    }
}
