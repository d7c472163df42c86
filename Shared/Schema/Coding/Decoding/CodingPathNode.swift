/// A coding path kept as a chain from the innermost key outwards, so that going one level
/// deeper costs no array copy; the array form is built only when asked for (an error, or
/// `codingPath`).
indirect enum CodingPathNode {
    case root
    case key(any CodingKey, parent: CodingPathNode)
    case index(Int, parent: CodingPathNode)

    /// The path from the top-level value, outermost key first.
    var path: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node = self
        while true {
            switch node {
            case .root: return keys.reversed()
            case .key(let key, let parent):
                keys.append(key)
                node = parent
            case .index(let index, let parent):
                keys.append(JSONCodingKey(index: index))
                node = parent
            }
        }
    }

    /// This path followed by `key`.
    func appending(_ key: some CodingKey) -> CodingPathNode {
        .key(key, parent: self)
    }

    /// This path followed by the array position `index`.
    func appending(index: Int) -> CodingPathNode {
        .index(index, parent: self)
    }
}

/// The keys `JSONDecoder` puts in coding paths itself: `Index 2` (integer value 2) for an
/// array position and `super` for ``KeyedDecodingContainerProtocol/superDecoder()``.
struct JSONCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }

    init(index: Int) {
        self.stringValue = "Index \(index)"
        self.intValue = index
    }

    static let `super` = JSONCodingKey(stringValue: "super")
}
