/// Splits CSV text (RFC 4180: a delimiter, double quotes, doubled quotes inside quotes, line
/// breaks inside quotes) into rows of fields. Fields are not trimmed: `"WD "` keeps its space.
enum CSVRow {
    /// The delimiters a CSV export uses: `,`, `;` (German and French spreadsheets), tab and `|`.
    static let candidateDelimiters: [Character] = [",", ";", "\t", "|"]

    /// The delimiter of a CSV text: the candidate found most often in its first line outside
    /// quotes, `,` when none is.
    static func delimiter(of text: String) -> Character {
        var counts: [Character: Int] = [:]
        var inQuotes = false
        for character in text {
            if character == "\"" {
                inQuotes.toggle()
            } else if !inQuotes, character == "\n" || character == "\r\n" || character == "\r" {
                break
            } else if !inQuotes, candidateDelimiters.contains(character) {
                counts[character, default: 0] += 1
            }
        }
        let best = candidateDelimiters.max { counts[$0, default: 0] < counts[$1, default: 0] } ?? ","
        return counts[best, default: 0] > 0 ? best : ","
    }

    /// Every row of `text`, fields split at `delimiter`; a trailing line break does not start an
    /// empty row.
    static func rows(of text: String, delimiter: Character = ",") throws(NormalizationError) -> [[String]] {
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
            case delimiter:
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
