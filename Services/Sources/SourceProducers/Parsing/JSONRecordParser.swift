import Foundation
import Schema

/// Checks one JSON document and finds its record id.
struct JSONRecordParser: Sendable {
    let recordIdPath: String

    /// The record of `text`, or why it is not one.
    func parse(_ text: String, location: String) -> ParseOutcome {
        let document: JSONValue
        do {
            document = try JSONValue(parsing: text)
        } catch {
            return .failure(
                RecordFailure(
                    location: location, text: text, code: "ingestion.invalidJSON",
                    message: "\(location) is not valid JSON: \(Self.whyInvalid(text, error))"))
        }
        guard case .object = document else {
            return .failure(
                RecordFailure(
                    location: location, text: text, code: "ingestion.notAnObject", message: "\(location) is JSON but not an object"))
        }
        let path = JSONPath(recordIdPath)
        let id: String? =
            switch path.value(in: document) {
            // Every digit of a long numeric id, as written.
            case .number(let number)? where abs(number) >= JSONValue.largestExactInteger: path.literal(in: text)
            case let value?: value.scalarText
            case nil: nil
            }
        guard let id, !id.isEmpty else {
            return .failure(
                RecordFailure(
                    location: location, text: text, code: "ingestion.missingRecordId", field: recordIdPath,
                    message: "\(location) has no record id at \(recordIdPath)"))
        }
        return .record(ParsedRecord(recordId: id, payload: text, location: location))
    }

    /// Why `text` is not JSON, with the place Foundation's parser names (the character); the
    /// shared decoder's `error` when Foundation reads it after all (a malformed number the
    /// shared decoder refuses, say).
    private static func whyInvalid(_ text: String, _ error: any Error) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
        } catch {
            return (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
        }
        if case .dataCorrupted(let context) = error as? DecodingError { return context.debugDescription }
        return "\(error)"
    }
}
