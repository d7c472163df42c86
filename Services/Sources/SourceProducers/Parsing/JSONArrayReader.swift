import Foundation
import Schema

/// Reads a file that is one JSON array: one record per element.
///
/// An array that parses as a whole gives each element as compact JSON with sorted keys. One
/// that does not (an element with a syntax error, a file cut short) is split at its top-level
/// commas instead, strings and nesting respected, and each element is read on its own: the good
/// ones are records, each bad one fails with its own reason and number, and an array left open
/// at the end of the file or text after its end is one more failure.
public struct JSONArrayReader: Sendable {
    /// The dot path of the record id inside each element.
    public var recordIdPath: String

    /// Creates a reader.
    public init(recordIdPath: String) {
        self.recordIdPath = recordIdPath
    }

    /// Reads every element of the array in `data`, the contents of `name` (its first non-blank
    /// byte is `[`); elements are located as `name#1`, `name#2`, ….
    public func read(_ data: Data, name: String) -> [ParseOutcome] {
        let parser = JSONRecordParser(recordIdPath: recordIdPath)
        if let array = (try? JSONSerialization.jsonObject(with: data)) as? [Any] {
            return array.enumerated().map { parser.parse(Self.elementText($0.element), location: "\(name)#\($0.offset + 1)") }
        }
        let split = Self.split(Array(data))
        var outcomes = split.elements.enumerated().map { offset, bytes -> ParseOutcome in
            let location = "\(name)#\(offset + 1)"
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return .failure(RecordFailure(invalidUTF8: bytes, location: location))
            }
            return parser.parse(text, location: location)
        }
        if let problem = split.problem {
            let location = "\(name)#\(split.elements.count + 1)"
            outcomes.append(
                .failure(
                    RecordFailure(
                        location: location, text: String(decoding: problem.text, as: UTF8.self), code: "ingestion.invalidJSON",
                        message: "\(name) is not a valid JSON array: \(problem.reason)")))
        }
        return outcomes
    }

    /// An element of a parsed JSON array as the producers publish it: compact JSON with sorted
    /// keys (a scalar as Foundation describes it). Feed pages' items are read the same way.
    static func elementText(_ element: Any) -> String {
        guard JSONSerialization.isValidJSONObject(element),
            let encoded = try? JSONSerialization.data(withJSONObject: element, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return String(describing: element) }
        return String(decoding: encoded, as: UTF8.self)
    }

    /// The top-level elements of the array in `bytes` (its first non-blank byte is `[`), each
    /// trimmed of blanks (an empty one, of two commas in a row or a trailing comma, is kept: it
    /// fails as no JSON); and what is wrong beyond them: an array not closed at the end, or text
    /// after its closing bracket. A stray closing brace inside an element ends the array there.
    static func split(_ bytes: [UInt8]) -> (elements: [ArraySlice<UInt8>], problem: (reason: String, text: ArraySlice<UInt8>)?) {
        var elements: [ArraySlice<UInt8>] = []
        func add(_ element: ArraySlice<UInt8>) { elements.append(trimmed(element)) }
        var structure = JSONStructure()
        var start: Int?
        for index in bytes.indices {
            let depth = structure.depth
            let role = structure.take(bytes[index])
            guard let elementStart = start else {
                if role == .open { start = index + 1 }
                continue
            }
            if role == .close, structure.depth == 0 {
                add(bytes[elementStart..<index])
                let rest = trimmed(bytes[(index + 1)...])
                return (elements, rest.isEmpty ? nil : ("text after the array's closing bracket", rest))
            }
            if role == .other, depth == 1, bytes[index] == UInt8(ascii: ",") {
                add(bytes[elementStart..<index])
                start = index + 1
            }
        }
        guard let start else { return ([], ("no array", bytes[...])) }
        if !trimmed(bytes[start...]).isEmpty { add(bytes[start...]) }
        return (elements, ("the array is not closed at the end of the file (cut short, or a string or bracket left open)", []))
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let first = bytes.firstIndex(where: { !RecordFileReader.isBlank($0) }),
            let last = bytes.lastIndex(where: { !RecordFileReader.isBlank($0) })
        else { return [] }
        return bytes[first...last]
    }
}
