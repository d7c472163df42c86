extension JSONPath {
    /// The scalar at this path in the JSON document `document`, as the document writes it: a
    /// string's text, a number's digits exactly as written (an id past the 2⁵³ a
    /// ``JSONValue/number(_:)`` holds exactly keeps every digit), `true` or `false`. `nil` when
    /// `document` is not JSON or the path finds nothing, `null`, an object or an array.
    public func literal(in document: String) -> String? {
        Array(document.utf8).withUnsafeBytes { text -> String? in
            guard let tape = try? JSONTape(scanning: text) else { return nil }
            var token = 0
            for step in steps {
                let container = tape.tokens[token]
                switch (step, container.kind) {
                case (.key(let key), .object):
                    var member = token + 1
                    var value: Int?
                    for _ in 0..<container.length where value == nil {
                        if (try? tape.string(at: member)) == key { value = member + 1 }
                        member = Int(tape.tokens[member + 1].next)
                    }
                    guard let value else { return nil }
                    token = value
                case (.index(let index), .array):
                    guard index >= 0, index < Int(container.length) else { return nil }
                    token += 1
                    for _ in 0..<index { token = Int(tape.tokens[token].next) }
                default:
                    return nil
                }
            }
            switch tape.kind(of: token) {
            case .string: return try? tape.string(at: token)
            case .number: return String(decoding: tape.text(of: token), as: UTF8.self)
            case .true: return "true"
            case .false: return "false"
            case .null, .array, .object: return nil
            }
        }
    }
}
