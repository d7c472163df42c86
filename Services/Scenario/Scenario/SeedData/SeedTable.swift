import Foundation

/// A seed CSV file read into rows of named columns.
///
/// The seed files contain no quoted fields (see `data/ORIGIN.md`), so lines split on commas;
/// fields are not trimmed (Ames has a `"WD "` value).
struct SeedTable: Sendable {
    let header: [String]
    let rows: [[String]]

    /// Reads `url`.
    init(contentsOf url: URL) throws(ScenarioError) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ScenarioError(code: .seedDataUnreadable, reason: "\(error.localizedDescription)", input: url.path)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        guard !lines.isEmpty else {
            throw ScenarioError(code: .seedDataUnreadable, reason: "the file is empty", input: url.path)
        }
        header = lines.removeFirst()
        for (number, row) in lines.enumerated() where row.count != header.count {
            throw ScenarioError(
                code: .seedDataUnreadable,
                reason: "row \(number + 1) has \(row.count) fields, the header has \(header.count)",
                input: url.path
            )
        }
        rows = lines
    }

    /// The column index of `name`.
    func column(_ name: String) throws(ScenarioError) -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw ScenarioError(code: .seedDataUnreadable, reason: "the column \(name) is missing", input: name)
        }
        return index
    }
}
