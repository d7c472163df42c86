import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads XML files holding repeated record elements (`<Sale>…</Sale>`) into records whose payload
/// is the element, re-serialized (attributes in document order, text escaped).
///
/// A file that breaks off or is not well-formed keeps the records completed before the error;
/// the element being read (or the file, when none was) becomes a ``RecordFailure`` naming the
/// line and column.
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
        let collector = XMLRecordCollector(recordElement: recordElement, recordIdPath: recordIdPath, fileName: name)
        let parser = XMLParser(data: data)
        parser.delegate = collector
        let parsed = parser.parse()
        if !parsed || collector.openElements > 0 {
            let error =
                parsed
                ? "the file ends before \(collector.openElements) element(s) are closed"
                : parser.parserError.map { ($0 as NSError).localizedDescription } ?? "unknown error"
            let location = "\(name):\(parser.lineNumber)"
            let text = collector.partialRecord ?? String(decoding: data.suffix(4_096), as: UTF8.self)
            collector.outcomes.append(
                .failure(
                    RecordFailure(
                        location: location, text: text, code: "ingestion.malformedXML",
                        message: "\(name) is not well-formed XML at line \(parser.lineNumber), column \(parser.columnNumber): \(error)"
                            + (collector.partialRecord == nil ? "" : "; the \(recordElement) element being read is incomplete"))))
        }
        return collector.outcomes
    }
}

/// The parser delegate behind ``XMLRecordReader``.
private final class XMLRecordCollector: NSObject, XMLParserDelegate {
    let recordElement: String
    let recordIdPath: String
    let fileName: String
    var outcomes: [ParseOutcome] = []
    /// Elements opened and not yet closed; more than zero at the end means a cut file.
    private(set) var openElements = 0
    private var serialized = ""
    private var path: [String] = []
    private var recordId: String?
    private var idText = ""
    private var recordLine = 0

    init(recordElement: String, recordIdPath: String, fileName: String) {
        self.recordElement = recordElement
        self.recordIdPath = recordIdPath
        self.fileName = fileName
    }

    /// The text of the record being read, if one is.
    var partialRecord: String? { path.isEmpty ? nil : serialized }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        openElements += 1
        if path.isEmpty {
            guard name == recordElement else { return }
            serialized = ""
            recordId = nil
            recordLine = parser.lineNumber
            if recordIdPath.hasPrefix("@") { recordId = attributes[String(recordIdPath.dropFirst())] }
        }
        path.append(name)
        idText = ""
        serialized += "<\(name)"
        for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
            serialized += " \(key)=\"\(Self.escape(value))\""
        }
        serialized += ">"
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !path.isEmpty else { return }
        serialized += Self.escape(string)
        idText += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        openElements -= 1
        guard !path.isEmpty else { return }
        if !recordIdPath.hasPrefix("@") && path.dropFirst().joined(separator: "/") == recordIdPath {
            recordId = idText.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        serialized += "</\(name)>"
        path.removeLast()
        guard path.isEmpty else { return }
        let location = "\(fileName):\(recordLine)"
        if let recordId, !recordId.isEmpty {
            outcomes.append(.record(ParsedRecord(recordId: recordId, payload: serialized, location: location)))
        } else {
            outcomes.append(
                .failure(
                    RecordFailure(
                        location: location, text: serialized, code: "ingestion.missingRecordId", field: recordIdPath,
                        message: "the \(recordElement) element at line \(recordLine) has no record id at \(recordIdPath)")))
        }
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
