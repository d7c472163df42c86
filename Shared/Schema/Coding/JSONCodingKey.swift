import Foundation

/// The keys Foundation's JSON coders and the standard library put in coding paths themselves:
/// `Index 2` (integer value 2) for an array position, `super` for a super decoder or encoder,
/// and a dictionary's keys.
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

    /// The key of a `[String: Value]` entry, with an integer value when the text is one, as
    /// the standard library's dictionary decoding makes it.
    init(dictionaryKey: String) {
        self.stringValue = dictionaryKey
        self.intValue = Int(dictionaryKey)
    }

    static let `super` = JSONCodingKey(stringValue: "super")
}
