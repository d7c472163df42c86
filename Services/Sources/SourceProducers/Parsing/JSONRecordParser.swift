import Foundation

/// Checks one JSON document and finds its record id.
struct JSONRecordParser: Sendable {
    let recordIdPath: String

    /// The record of `text`, or why it is not one.
    func parse(_ text: String, location: String) -> ParseOutcome {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
            return .failure(
                RecordFailure(
                    location: location, text: text, code: "ingestion.invalidJSON", message: "\(location) is not valid JSON: \(detail)"))
        }
        guard object is [String: Any] else {
            return .failure(
                RecordFailure(
                    location: location, text: text, code: "ingestion.notAnObject", message: "\(location) is JSON but not an object"))
        }
        guard let id = JSONPath(recordIdPath).string(in: object), !id.isEmpty else {
            return .failure(
                RecordFailure(
                    location: location, text: text, code: "ingestion.missingRecordId", field: recordIdPath,
                    message: "\(location) has no record id at \(recordIdPath)"))
        }
        return .record(ParsedRecord(recordId: id, payload: text, location: location))
    }
}
