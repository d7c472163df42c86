/// Arrays and string-keyed dictionaries read straight from the tape, without the containers
/// their own `init(from:)` would ask for; the result, and the error and coding path of a bad
/// element, are those of the standard library's `init(from:)` over `JSONDecoder`.
protocol TapeDecodableCollection {
    /// The kind of token the collection is read from; other kinds take the general path,
    /// which reports the error.
    static var tokenKind: JSONToken.Kind { get }

    /// Decodes the collection from token `index`, of kind ``tokenKind``.
    static func decode(from tape: JSONTape, at index: Int, location: () -> ValueLocation) throws -> Self
}

extension Array: TapeDecodableCollection where Element: Decodable {
    static var tokenKind: JSONToken.Kind { .array }

    static func decode(from tape: JSONTape, at index: Int, location: () -> ValueLocation) throws -> Self {
        let count = Int(tape.tokens[index].length)
        let array = location().decoder(of: tape, at: index)
        var elements: [Element] = []
        elements.reserveCapacity(count)
        var element = index + 1
        for position in 0..<count {
            elements.append(try tape.decode(Element.self, at: element) { array.location(of: .index(position)) })
            element = Int(tape.tokens[element].next)
        }
        return elements
    }
}

extension Dictionary: TapeDecodableCollection where Key == String, Value: Decodable {
    static var tokenKind: JSONToken.Kind { .object }

    static func decode(from tape: JSONTape, at index: Int, location: () -> ValueLocation) throws -> Self {
        let count = Int(tape.tokens[index].length)
        // JSONDecoder reads every key before any value.
        var names: [String] = []
        names.reserveCapacity(count)
        var member = index + 1
        for _ in 0..<count {
            names.append(try tape.key(at: member))
            member = Int(tape.tokens[member + 1].next)
        }
        let object = location().decoder(of: tape, at: index)
        let mayRepeat = tape.mayHaveRepeatedKeys(object: index)
        var dictionary: [String: Value] = Dictionary(minimumCapacity: count)
        member = index + 1
        for name in names {
            // The first of repeated keys wins; the values of the others are never read.
            if !mayRepeat || dictionary.index(forKey: name) == nil {
                dictionary[name] = try tape.decode(Value.self, at: member + 1) {
                    object.location(of: .dictionaryKey(name))
                }
            }
            member = Int(tape.tokens[member + 1].next)
        }
        return dictionary
    }
}
