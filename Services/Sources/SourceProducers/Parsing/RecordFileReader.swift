import Foundation
import Schema

/// Reads one input file into records the way a source's producer does, by the source's format:
/// CSV rows (``CSVRecordReader``), JSON lines (``JSONLinesReader``), one JSON array
/// (``JSONArrayReader``: one record per element), or XML record elements (``XMLRecordReader``).
///
/// The producers and the `homeprice normalize` dry run both read files through it, so a file
/// the dry run reads is read exactly as the producer would publish it (CRLF line ends,
/// quoting, record ids and every failure alike).
public struct RecordFileReader: Sendable {
    /// The source's format.
    public var format: RecordFormat
    /// Where each record's id is: a CSV column, a JSON dot path, or an XML path (`@id`).
    public var recordIdPath: String
    /// The CSV field separator.
    public var csvDelimiter: Character
    /// The XML record element name.
    public var xmlRecordElement: String

    /// Creates a reader.
    public init(format: RecordFormat, recordIdPath: String, csvDelimiter: Character = ",", xmlRecordElement: String = "Record") {
        self.format = format
        self.recordIdPath = recordIdPath
        self.csvDelimiter = csvDelimiter
        self.xmlRecordElement = xmlRecordElement
    }

    /// Creates the reader of a producer's source.
    public init(configuration: ProducerConfiguration) {
        self.init(
            format: configuration.descriptor.format, recordIdPath: configuration.recordIdPath, csvDelimiter: configuration.csvDelimiter,
            xmlRecordElement: configuration.xmlRecordElement)
    }

    /// Every record and failure of `data`, the contents of the file `name`, in file order; a
    /// file of nothing but whitespace is one ``RecordFailure/emptyFile(_:)`` failure. A UTF-8
    /// byte order mark at the start (spreadsheet exports write one) is skipped.
    public func read(_ data: Data, name: String) -> [ParseOutcome] {
        let data = data.starts(with: Self.byteOrderMark) ? data.dropFirst(Self.byteOrderMark.count) : data
        guard data.contains(where: { !Self.isBlank($0) }) else { return [.failure(.emptyFile(name))] }
        switch format {
        case .csv:
            return CSVRecordReader(delimiter: csvDelimiter, recordIdColumn: recordIdPath).read(data, name: name)
        case .json, .html:
            if data.first(where: { !Self.isBlank($0) }) == UInt8(ascii: "[") {
                return JSONArrayReader(recordIdPath: recordIdPath).read(Data(data), name: name)
            }
            return JSONLinesReader(recordIdPath: recordIdPath).read(data, name: name)
        case .xml:
            return XMLRecordReader(recordElement: xmlRecordElement, recordIdPath: recordIdPath).read(data, name: name)
        }
    }

    /// The UTF-8 encoding of U+FEFF.
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Whether `byte` is a space, tab or line break: what JSON and the readers skip between
    /// records.
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}
