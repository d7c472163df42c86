import Foundation

/// Reads JSON lines: one JSON object per line, the line itself as the payload.
///
/// A line that is not UTF-8, not JSON, not an object, or has no record id becomes a
/// ``RecordFailure``.
public struct JSONLinesReader: Sendable {
    /// The dot path of the record id inside each object, for example `id` or `objekt.nummer`.
    public var recordIdPath: String

    /// Creates a reader.
    public init(recordIdPath: String) {
        self.recordIdPath = recordIdPath
    }

    /// Reads every non-empty line of `data`, the contents of `name`.
    public func read(_ data: Data, name: String) -> [ParseOutcome] {
        var outcomes: [ParseOutcome] = []
        var number = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            guard !line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) else { continue }
            let location = "\(name):\(number)"
            guard let text = String(validating: line, as: UTF8.self)?.trimmingCharacters(in: .whitespacesAndNewlines) else {
                outcomes.append(.failure(RecordFailure(invalidUTF8: line, location: location)))
                continue
            }
            outcomes.append(JSONRecordParser(recordIdPath: recordIdPath).parse(text, location: location))
        }
        return outcomes
    }
}
