import Configuration
import Foundation

/// Typed reads of the crawler file's keys that must be present, with errors naming the file
/// and the key.
struct CrawlerKeys {
    /// The reader, scoped to `crawler.`.
    let reader: ConfigReader
    /// The file as errors name it: `configs/<name>`, or the path of a file elsewhere.
    let file: String

    /// `<file>: crawler.<key>`.
    func name(_ key: String) -> String { "\(file): crawler.\(key)" }

    func string(_ key: String) throws(CrawlerError) -> String {
        guard let value = reader.string(forKey: ConfigKey(key)), !value.isEmpty else {
            throw CrawlerError(code: .invalidConfiguration, reason: "the key is missing", input: name(key))
        }
        return value
    }

    func strings(_ key: String) throws(CrawlerError) -> [String] {
        guard let values = reader.stringArray(forKey: ConfigKey(key)), !values.isEmpty else {
            throw CrawlerError(code: .invalidConfiguration, reason: "the key is missing or an empty list", input: name(key))
        }
        return values
    }

    func integer(_ key: String, minimum: Int) throws(CrawlerError) -> Int {
        guard let value = reader.int(forKey: ConfigKey(key)) else {
            throw CrawlerError(code: .invalidConfiguration, reason: "the key is missing or not an integer", input: name(key))
        }
        guard value >= minimum else {
            throw CrawlerError(code: .invalidConfiguration, reason: "must be at least \(minimum), found \(value)", input: name(key))
        }
        return value
    }

    /// A list of regular expressions, each checked to compile.
    func patterns(_ key: String) throws(CrawlerError) -> [String] {
        let patterns = try strings(key)
        for pattern in patterns {
            do {
                _ = try NSRegularExpression(pattern: pattern)
            } catch {
                throw CrawlerError(code: .invalidConfiguration, reason: "not a regular expression: \(pattern)", input: name(key))
            }
        }
        return patterns
    }
}
