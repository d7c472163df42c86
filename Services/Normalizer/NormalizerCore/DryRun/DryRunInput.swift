import Foundation
import Markup
import Schema
import ServiceSupport

/// Turns files into the raw records a source would publish, the way its format declares:
/// a JSON document (an object, or an array of objects), JSON lines, a CSV file (header plus
/// rows, one record per row) or an XML document (one record per child of the root element).
enum DryRunInput {
    /// The text of `file`: its bytes as UTF-8.
    /// - Throws: ``NormalizationError/Code/unreadableFile`` when the file cannot be read, is
    ///   empty (only whitespace), or is not UTF-8 (naming the line and byte of the first bad byte).
    static func text(of file: URL) throws(NormalizationError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw NormalizationError(.unreadableFile, reason: "cannot read the input file: \(error.localizedDescription)", input: file.path)
        }
        if let invalid = UTF8Check.firstInvalidByte(in: data) {
            let line = data.prefix(invalid).count(where: { $0 == UInt8(ascii: "\n") }) + 1
            throw NormalizationError(
                .unreadableFile, reason: "the file is not UTF-8: byte \(invalid + 1) (line \(line)) is not a valid UTF-8 sequence",
                input: file.path)
        }
        let text = String(decoding: data, as: UTF8.self)
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw NormalizationError(.unreadableFile, reason: "the file is empty: it holds no records", input: file.path)
        }
        return text
    }

    /// The raw records of one file's text.
    static func records(in text: String, file: String, source: SourceDescriptor, fetchedAt: Date) throws(NormalizationError) -> [RawRecord]
    {
        let payloads = try payloads(in: text, file: file, format: source.format)
        let name = URL(fileURLWithPath: file).lastPathComponent
        return payloads.enumerated().map { index, payload in
            RawRecord(
                sourceId: source.id,
                recordId: "\(name)#\(index + 1)",
                region: source.region,
                fetchedAt: fetchedAt,
                contentType: source.format.contentType,
                payload: payload
            )
        }
    }

    private static func payloads(in text: String, file: String, format: RecordFormat) throws(NormalizationError) -> [String] {
        switch format {
        case .json:
            let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            if let elements = object as? [Any] {
                return try elements.map { element throws(NormalizationError) in
                    guard let data = try? JSONSerialization.data(withJSONObject: element, options: [.sortedKeys]) else {
                        throw NormalizationError(.malformedPayload, reason: "an array element is not an object", input: file)
                    }
                    return String(decoding: data, as: UTF8.self)
                }
            }
            if object != nil {
                return [text]
            }
            return text.split(whereSeparator: \.isNewline).map(String.init).filter {
                !$0.trimmingCharacters(in: .whitespaces).isEmpty
            }
        case .csv:
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            guard let header = lines.first else { return [] }
            return lines.dropFirst().map { "\(header)\n\($0)" }
        case .xml:
            return try xmlElements(text, file: file)
        case .html:
            return [text]
        }
    }

    private static func xmlElements(_ text: String, file: String) throws(NormalizationError) -> [String] {
        do {
            return try XMLTreeElement(document: Data(text.utf8)).elements.map(\.xmlString)
        } catch {
            throw NormalizationError(.malformedPayload, reason: "the file is not readable XML: \(error)", input: file)
        }
    }
}
