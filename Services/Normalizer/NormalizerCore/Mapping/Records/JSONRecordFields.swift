/// A JSON record read with dot paths: `address.city`, `$.price.value`, `rooms[0].size`.
struct JSONRecordFields: RecordFields {
    let root: JSONValue

    /// Parses a JSON payload.
    init(payload: String) throws(NormalizationError) {
        root = try JSONValue.parse(payload)
    }

    func text(at path: String) throws(NormalizationError) -> String? {
        var value = root
        for step in Self.steps(of: path) {
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
        switch value {
        case .null:
            return nil
        case .array, .object:
            throw NormalizationError(.notAScalar, reason: "the path '\(path)' leads to an object or list")
        case .bool, .number, .string:
            return value.scalarText
        }
    }

    private enum Step: Equatable {
        case key(String)
        case index(Int)
    }

    /// `$.a.b[2].c` → key a, key b, index 2, key c.
    private static func steps(of path: String) -> [Step] {
        var text = Substring(path)
        if text.hasPrefix("$.") { text = text.dropFirst(2) } else if text == "$" { return [] }
        var steps: [Step] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
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
        return steps
    }
}
