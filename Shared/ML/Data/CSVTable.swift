import Foundation

/// A CSV file held as text cells, column by column.
///
/// The reader follows RFC 4180: fields separated by commas, optionally quoted
/// with `"` (a doubled quote inside a quoted field is one quote), records ended
/// by LF or CRLF. Cells are never trimmed: `"WD "` keeps its trailing space.
public struct CSVTable: Sendable, Equatable {
    /// Column names from the header line.
    public var header: [String]
    /// `columns[c][row]` is the text of column `c` in `row`.
    public var columns: [[String]]

    /// The number of data rows.
    public var rowCount: Int { columns.first?.count ?? 0 }

    public init(header: [String], columns: [[String]]) {
        self.header = header
        self.columns = columns
    }

    /// Reads and parses a CSV file.
    public static func read(path: String) throws(MLError) -> CSVTable {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw MLError(.io, "cannot read file: \(error.localizedDescription)", input: .init(path: path))
        }
        do {
            return try parse(data)
        } catch {
            throw MLError(error.code, error.reason, input: .init(path: path, column: error.input.column, row: error.input.row))
        }
    }

    /// The index of the column named `name`.
    public func columnIndex(_ name: String) -> Int? {
        header.firstIndex(of: name)
    }

    /// Parses CSV text (UTF-8) whose first record is the header.
    public static func parse(_ data: Data) throws(MLError) -> CSVTable {
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var fieldWasQuoted = false
        let bytes = [UInt8](data)
        var i = 0
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            records.append(record)
            record.removeAll(keepingCapacity: true)
        }

        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == quote {
                    if i + 1 < bytes.count, bytes[i + 1] == quote {
                        field.append(quote)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(b)
                }
            } else if b == quote, field.isEmpty, !fieldWasQuoted {
                inQuotes = true
                fieldWasQuoted = true
            } else if b == comma {
                endField()
            } else if b == lf {
                endRecord()
            } else if b == cr, i + 1 < bytes.count, bytes[i + 1] == lf {
                endRecord()
                i += 1
            } else {
                field.append(b)
            }
            i += 1
        }
        if inQuotes {
            throw MLError(.malformedCSV, "unterminated quoted field", input: .init(row: records.count))
        }
        if !field.isEmpty || !record.isEmpty || fieldWasQuoted {
            endRecord()
        }
        guard let header = records.first else {
            throw MLError(.emptyData, "the CSV file has no header")
        }
        var columns = [[String]](repeating: [], count: header.count)
        for c in columns.indices { columns[c].reserveCapacity(records.count - 1) }
        for (r, rec) in records.dropFirst().enumerated() {
            if rec.count == 1, rec[0].isEmpty { continue }
            guard rec.count == header.count else {
                throw MLError(
                    .malformedCSV, "record has \(rec.count) fields, header has \(header.count)",
                    input: .init(row: r))
            }
            for (c, cell) in rec.enumerated() { columns[c].append(cell) }
        }
        return CSVTable(header: header, columns: columns)
    }
}
