import Foundation

/// Splits CSV bytes into rows, keeping each row's text and first line number.
struct CSVRowScanner {
    struct Row {
        /// The 1-based line the row starts on.
        let line: Int
        /// The row as written, without its line break.
        let text: String
        /// The fields, or why the row cannot be split.
        let fields: Result<[String], ScanError>
    }

    struct ScanError: Error, Equatable, CustomStringConvertible {
        let description: String
    }

    private let bytes: [UInt8]
    private let delimiter: UInt8
    private var position = 0
    private var line = 1

    init(data: Data, delimiter: UInt8) {
        bytes = [UInt8](data)
        self.delimiter = delimiter
    }

    /// The next non-empty row, or `nil` at the end.
    mutating func next() -> Row? {
        while position < bytes.count {
            let start = position, startLine = line
            var fields: [String] = []
            var field: [UInt8] = []
            var inQuotes = false, quoted = false
            var failure: String?
            scan: while position < bytes.count {
                let byte = bytes[position]
                position += 1
                if inQuotes {
                    if byte == UInt8(ascii: "\"") {
                        if position < bytes.count && bytes[position] == UInt8(ascii: "\"") {
                            field.append(byte)
                            position += 1
                        } else {
                            inQuotes = false
                        }
                    } else {
                        if byte == UInt8(ascii: "\n") { line += 1 }
                        field.append(byte)
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""):
                    if field.isEmpty && !quoted {
                        inQuotes = true
                        quoted = true
                    } else {
                        field.append(byte)
                    }
                case delimiter:
                    fields.append(Self.text(field, failure: &failure))
                    field = []
                    quoted = false
                case UInt8(ascii: "\n"):
                    line += 1
                    break scan
                case UInt8(ascii: "\r"):
                    continue
                default:
                    field.append(byte)
                }
            }
            var end = position
            while end > start && (bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r")) && !inQuotes {
                end -= 1
            }
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            if inQuotes { failure = "a quoted field is not closed before the end of the file" }
            fields.append(Self.text(field, failure: &failure))
            if text.isEmpty { continue }
            return Row(line: startLine, text: text, fields: failure.map { .failure(ScanError(description: $0)) } ?? .success(fields))
        }
        return nil
    }

    private static func text(_ bytes: [UInt8], failure: inout String?) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            failure = failure ?? "a field is not valid UTF-8"
            return String(decoding: bytes, as: UTF8.self)
        }
        return text
    }
}
