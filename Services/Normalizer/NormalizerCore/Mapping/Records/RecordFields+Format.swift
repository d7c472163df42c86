import Schema

extension RecordFormat {
    /// Parses a payload of this format into fields a mapping can read.
    ///
    /// - Throws: ``NormalizationError/Code/malformedPayload`` when the payload is not a valid
    ///   document, ``NormalizationError/Code/unsupportedFormat`` for HTML, whose fields the
    ///   crawler extracts before publishing.
    func fields(of payload: String) throws(NormalizationError) -> any RecordFields {
        switch self {
        case .json: try JSONRecordFields(payload: payload)
        case .csv: try CSVRecordFields(payload: payload)
        case .xml: try XMLRecordFields(payload: payload)
        case .html:
            throw NormalizationError(
                .unsupportedFormat,
                reason: "HTML payloads are not mapped; the crawler publishes the extracted fields as JSON"
            )
        }
    }

    /// The MIME type of a record in this format, as a source producer labels it.
    public var contentType: String {
        switch self {
        case .json: "application/json"
        case .csv: "text/csv"
        case .xml: "application/xml"
        case .html: "text/html"
        }
    }

    /// The format a MIME type names (`application/json`, `text/csv`, `application/xml`,
    /// `application/x-ndjson`), or `nil` for one it does not.
    init?(contentType: String) {
        let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        switch type {
        case "application/json", "text/json", "application/ld+json", "application/x-ndjson", "application/jsonl":
            self = .json
        case "text/csv", "application/csv":
            self = .csv
        case "application/xml", "text/xml":
            self = .xml
        case "text/html", "application/xhtml+xml":
            self = .html
        default:
            return nil
        }
    }
}
