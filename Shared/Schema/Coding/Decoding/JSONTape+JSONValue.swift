/// A ``JSONValue`` built straight from the tape, without a decoder per value or an error per
/// kind it is not.
extension JSONTape {
    /// Token `index` and everything it contains as a ``JSONValue``. Of repeated keys the first
    /// wins, as when the value is decoded through its containers.
    /// - Throws: ``ValueFailure/invalid`` for a malformed string or number anywhere inside.
    func jsonValue(at index: Int) throws(ValueFailure) -> JSONValue {
        let token = tokens[index]
        switch token.kind {
        case .null:
            return .null
        case .true:
            return .bool(true)
        case .false:
            return .bool(false)
        case .number:
            return .number(try double(at: index))
        case .string:
            return .string(try string(at: index))
        case .array:
            var elements: [JSONValue] = []
            elements.reserveCapacity(Int(token.length))
            var element = index + 1
            for _ in 0..<token.length {
                elements.append(try jsonValue(at: element))
                element = Int(tokens[element].next)
            }
            return .array(elements)
        case .object:
            var members: [String: JSONValue] = Dictionary(minimumCapacity: Int(token.length))
            var member = index + 1
            for _ in 0..<token.length {
                let key = try string(at: member)
                if members[key] == nil {
                    members[key] = try jsonValue(at: member + 1)
                }
                member = Int(tokens[member + 1].next)
            }
            return .object(members)
        }
    }
}
