/// A CSV record, delivered as its header line and one data line; a path is a column name.
/// The delimiter (`,`, `;`, tab or `|`) is the one the header line uses.
struct CSVRecordFields: RecordFields {
    let valuesByColumn: [String: String]

    /// Parses a header line followed by one data line.
    init(payload: String) throws(NormalizationError) {
        let rows = try CSVRow.rows(of: payload, delimiter: CSVRow.delimiter(of: payload))
        guard rows.count == 2, let header = rows.first, let values = rows.last else {
            throw NormalizationError(
                .malformedPayload,
                reason: "a CSV record must be a header line and one data line, found \(rows.count) lines",
                input: payload
            )
        }
        guard header.count == values.count else {
            throw NormalizationError(
                .malformedPayload,
                reason: "the header has \(header.count) columns but the line has \(values.count)",
                input: payload
            )
        }
        valuesByColumn = Dictionary(zip(header, values), uniquingKeysWith: { first, _ in first })
    }

    /// An empty cell counts as absent.
    func text(at path: String) throws(NormalizationError) -> String? {
        guard let value = valuesByColumn[path], !value.isEmpty else { return nil }
        return value
    }
}
