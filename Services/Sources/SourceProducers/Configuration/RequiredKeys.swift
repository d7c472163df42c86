import Configuration

/// Typed reads of keys that must be present, with errors naming the file and the key.
struct RequiredKeys {
    let reader: ConfigReader
    /// The file as errors name it: `configs/<name>`, or the path of a file elsewhere.
    let file: String

    func name(_ key: String) -> String { "\(file): producer.\(key)" }

    func string(_ key: String) throws(SourceError) -> String {
        guard let value = reader.string(forKey: ConfigKey(key)), !value.isEmpty else {
            throw SourceError(code: .invalidConfiguration, reason: "the key is missing", input: name(key))
        }
        return value
    }

    func bool(_ key: String) throws(SourceError) -> Bool {
        guard let value = reader.bool(forKey: ConfigKey(key)) else {
            throw SourceError(code: .invalidConfiguration, reason: "the key is missing or not true/false", input: name(key))
        }
        return value
    }

    func nonNegative(_ key: String) throws(SourceError) -> Int {
        guard let value = reader.int(forKey: ConfigKey(key)) else {
            throw SourceError(code: .invalidConfiguration, reason: "the key is missing or not an integer", input: name(key))
        }
        guard value >= 0 else {
            throw SourceError(code: .invalidConfiguration, reason: "must not be negative, found \(value)", input: name(key))
        }
        return value
    }

    func positive(_ key: String) throws(SourceError) -> Int {
        let value = try nonNegative(key)
        guard value > 0 else { throw SourceError(code: .invalidConfiguration, reason: "must be positive, found 0", input: name(key)) }
        return value
    }

    func enumeration<Value: RawRepresentable<String>>(_ key: String, _: Value.Type) throws(SourceError) -> Value {
        let text = try string(key)
        guard let value = Value(rawValue: text) else {
            throw SourceError(code: .invalidConfiguration, reason: "unknown value \(text)", input: name(key))
        }
        return value
    }
}
