/// Splits CSV text (RFC 4180: commas, double quotes, doubled quotes inside quotes, line
/// breaks inside quotes) into rows of fields. Fields are not trimmed: `"WD "` keeps its space.
enum CSVRow {
    /// Every row of `text`; a trailing line break does not start an empty row.
    static func rows(of text: String) throws(NormalizationError) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var iterator = text.makeIterator()
        var pending = iterator.next()
        while let character = pending {
            pending = iterator.next()
            if inQuotes {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
            case ",":
                row.append(field)
                field = ""
                fieldWasQuoted = false
            case "\n", "\r\n", "\r":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
                fieldWasQuoted = false
            default:
                field.append(character)
            }
        }
        guard !inQuotes else {
            throw NormalizationError(.malformedPayload, reason: "a quoted CSV field is not closed", input: text)
        }
        if !field.isEmpty || !row.isEmpty || fieldWasQuoted {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
