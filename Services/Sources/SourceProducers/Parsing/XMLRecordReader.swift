import Foundation
import Markup

/// Reads XML files holding repeated record elements (`<Sale>…</Sale>`) into records whose payload
/// is the element, re-serialized (attributes in document order, text escaped).
///
/// Parsing is the shared ``Markup/SafeXMLReader``: a DTD is refused (no entity is ever
/// expanded or fetched), and a file that breaks off or is not well-formed keeps the records
/// completed before the error; the element being read (or the file, when none was) becomes a
/// ``RecordFailure`` naming the line and column. An empty file is a failure too.
public struct XMLRecordReader: Sendable {
    /// The name of the record element, for example `Sale`.
    public var recordElement: String
    /// Where the id is: `@name` for an attribute of the record element, or a slash path of
    /// child elements such as `Parcel/Id`.
    public var recordIdPath: String

    /// Creates a reader.
    public init(recordElement: String, recordIdPath: String) {
        self.recordElement = recordElement
        self.recordIdPath = recordIdPath
    }

    /// Reads every record element of `data`, the contents of `name`.
    public func read(_ data: Data, name: String) -> [ParseOutcome] {
        var outcomes: [ParseOutcome] = []
        var record = XMLTreeBuilder()
        do {
            try SafeXMLReader.read(data) { event in
                if !record.isBuilding {
                    guard case .start(recordElement, _, _) = event else { return }
                }
                if let element = record.add(event) { outcomes.append(outcome(of: element, file: name)) }
            }
        } catch {
            let incomplete = record.partial
            outcomes.append(
                .failure(
                    RecordFailure(
                        location: "\(name):\(incomplete?.line ?? error.line ?? 1)",
                        text: incomplete?.xmlString ?? String(decoding: data.suffix(4_096), as: UTF8.self),
                        code: error.code == .empty ? "ingestion.emptyFile" : "ingestion.malformedXML",
                        message: "\(name) is not a readable XML document: \(error)"
                            + (incomplete == nil ? "" : "; the \(recordElement) element being read is incomplete"))))
        }
        return outcomes
    }

    private func outcome(of element: XMLTreeElement, file: String) -> ParseOutcome {
        let location = "\(file):\(element.line)"
        let recordId = recordId(of: element)?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let recordId, !recordId.isEmpty else {
            return .failure(
                RecordFailure(
                    location: location, text: element.xmlString, code: "ingestion.missingRecordId", field: recordIdPath,
                    message: "the \(recordElement) element at line \(element.line) has no record id at \(recordIdPath)"))
        }
        return .record(ParsedRecord(recordId: recordId, payload: element.xmlString, location: location))
    }

    private func recordId(of element: XMLTreeElement) -> String? {
        if recordIdPath.hasPrefix("@") { return element.attribute(String(recordIdPath.dropFirst())) }
        var current = element
        for step in recordIdPath.split(separator: "/") {
            guard let child = current.elements.first(where: { $0.name == step }) else { return nil }
            current = child
        }
        return current.text
    }
}
