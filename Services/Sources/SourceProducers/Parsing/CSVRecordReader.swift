import Foundation

/// Reads CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF)
/// into records whose payload is the header line plus the row exactly as written.
///
/// A row whose field count differs from the header's, a row without a record id, a quote left
/// open at the end of the file and bytes that are not UTF-8 become ``RecordFailure``s; the
/// reader goes on with the next row.
public struct CSVRecordReader: Sendable {
    /// The field separator, `,` or `;` for example.
    public var delimiter: UInt8
    /// The header column holding the record id.
    public var recordIdColumn: String

    /// Creates a reader.
    public init(delimiter: Character = ",", recordIdColumn: String) {
        self.delimiter = delimiter.asciiValue ?? UInt8(ascii: ",")
        self.recordIdColumn = recordIdColumn
    }

    /// Reads every row of `data`, the contents of the file `name`.
    public func read(_ data: Data, name: String) -> [ParseOutcome] {
        var rows = CSVRowScanner(data: data, delimiter: delimiter)
        guard let header = rows.next() else { return [] }
        guard case .success(let headerFields) = header.fields, let idColumn = headerFields.firstIndex(of: recordIdColumn)
        else {
            return [
                .failure(
                    RecordFailure(
                        location: "\(name):1", text: header.text, code: "ingestion.csvHeader", field: recordIdColumn,
                        message: "the header line has no column \(recordIdColumn)"))
            ]
        }
        var outcomes: [ParseOutcome] = []
        while let row = rows.next() {
            let location = "\(name):\(row.line)"
            switch row.fields {
            case .failure(let message):
                outcomes.append(
                    .failure(
                        RecordFailure(
                            location: location, text: row.text, code: "ingestion.csvSyntax", message: "line \(row.line): \(message)")))
            case .success(let fields) where fields.count != headerFields.count:
                outcomes.append(
                    .failure(
                        RecordFailure(
                            location: location, text: row.text, code: "ingestion.csvFieldCount",
                            message: "line \(row.line) has \(fields.count) fields, the header has \(headerFields.count)")))
            case .success(let fields) where fields[idColumn].isEmpty:
                outcomes.append(
                    .failure(
                        RecordFailure(
                            location: location, text: row.text, code: "ingestion.missingRecordId", field: recordIdColumn,
                            message: "line \(row.line) has no value in the record id column \(recordIdColumn)")))
            case .success(let fields):
                outcomes.append(
                    .record(ParsedRecord(recordId: fields[idColumn], payload: header.text + "\n" + row.text, location: location)))
            }
        }
        return outcomes
    }
}
