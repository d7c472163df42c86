import Configuration
import Foundation

/// Typed reads of required settings: thresholds and hyperparameters have no in-code defaults,
/// so a missing or malformed value is an error naming the full key.
public struct RequiredSettings: Sendable {
    /// The reader the values come from.
    public let reader: ConfigReader

    /// Creates reads over `reader`.
    public init(reader: ConfigReader) {
        self.reader = reader
    }

    /// An ``ServiceSupportError/Code/invalidConfiguration`` error for `key`.
    public func invalid(_ key: String, _ reason: String) -> ServiceSupportError {
        ServiceSupportError(code: .invalidConfiguration, reason: reason, input: key)
    }

    /// A required finite number, optionally at least `minimum` and at most `maximum`.
    public func double(_ key: String, atLeast minimum: Double? = nil, atMost maximum: Double? = nil) throws(ServiceSupportError) -> Double {
        let value: Double
        do {
            value = try reader.requiredDouble(forKey: ConfigKey(key))
        } catch {
            throw invalid(key, "a number is required")
        }
        guard value.isFinite else { throw invalid(key, "must be finite, found \(value)") }
        if let minimum, value < minimum { throw invalid(key, "must be at least \(minimum), found \(value)") }
        if let maximum, value > maximum { throw invalid(key, "must be at most \(maximum), found \(value)") }
        return value
    }

    /// A required whole number, optionally at least `minimum`.
    public func int(_ key: String, atLeast minimum: Int? = nil) throws(ServiceSupportError) -> Int {
        let value: Int
        do {
            value = try reader.requiredInt(forKey: ConfigKey(key))
        } catch {
            throw invalid(key, "a whole number is required")
        }
        if let minimum, value < minimum { throw invalid(key, "must be at least \(minimum), found \(value)") }
        return value
    }

    /// A required text.
    public func string(_ key: String) throws(ServiceSupportError) -> String {
        do {
            return try reader.requiredString(forKey: ConfigKey(key))
        } catch {
            throw invalid(key, "a value is required")
        }
    }

    /// A required flag.
    public func bool(_ key: String) throws(ServiceSupportError) -> Bool {
        do {
            return try reader.requiredBool(forKey: ConfigKey(key))
        } catch {
            throw invalid(key, "true or false is required")
        }
    }

    /// A required non-empty list of texts.
    public func strings(_ key: String) throws(ServiceSupportError) -> [String] {
        let values = reader.stringArray(forKey: ConfigKey(key), default: [])
        guard !values.isEmpty else { throw invalid(key, "a non-empty list is required") }
        return values
    }

    /// A list of `name=value` entries (may be empty), as a dictionary.
    public func pairs(_ key: String) throws(ServiceSupportError) -> [String: String] {
        var pairs: [String: String] = [:]
        for entry in reader.stringArray(forKey: ConfigKey(key), default: []) {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else { throw invalid(key, "an entry must read name=value, found '\(entry)'") }
            pairs[parts[0]] = parts[1]
        }
        return pairs
    }
}
