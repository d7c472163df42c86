import Schema

extension RecordFormat {
    /// Parses a payload of this format into fields a mapping can read; `jsonPaths` are the
    /// paths a JSON payload will be read at, read once by the caller for all its records.
    ///
    /// - Throws: ``NormalizationError/Code/malformedPayload`` when the payload is not a valid
    ///   document, ``NormalizationError/Code/unsupportedFormat`` for HTML, whose fields the
    ///   crawler extracts before publishing.
    func fields(of payload: String, jsonPaths: [String: JSONPath]) throws(NormalizationError) -> any RecordFields {
        switch self {
        case .json: try JSONRecordFields(payload: payload, paths: jsonPaths)
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
        // The exact types producers write, read without trimming and case folding first.
        guard
            let format = Self.format(ofType: contentType)
                ?? contentType.split(separator: ";").first.flatMap({
                    Self.format(ofType: $0.trimmingCharacters(in: .whitespaces).lowercased())
                })
        else { return nil }
        self = format
    }

    /// The format of a MIME type without parameters, in lower case.
    private static func format(ofType type: String) -> RecordFormat? {
        switch type {
        case "application/json", "text/json", "application/ld+json", "application/x-ndjson", "application/jsonl": .json
        case "text/csv", "application/csv": .csv
        case "application/xml", "text/xml": .xml
        case "text/html", "application/xhtml+xml": .html
        default: nil
        }
    }
}
