/// A coding key for any string, used to reject unknown keys in configuration files.
struct AnyCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int? = nil

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Decoder {
    /// Throws when the object being decoded has a key outside `known`, so a typo in a config file is an error.
    func rejectUnknownKeys(_ known: [String], in type: String) throws {
        let container = try container(keyedBy: AnyCodingKey.self)
        let unknown = container.allKeys.map(\.stringValue).filter { !known.contains($0) }.sorted()
        if let first = unknown.first {
            throw MLError(.invalidConfiguration, "unknown key in \(type)", input: .init(column: first))
        }
    }
}
