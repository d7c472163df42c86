import Foundation

/// The optimal-string-alignment distance: the number of insertions, deletions,
/// substitutions and swaps of neighbours that turn one text into the other.
enum EditDistance {
    /// The distance between two texts, or `nil` once it is sure to exceed `limit`.
    static func between(_ lhs: String, _ rhs: String, limit: Int) -> Int? {
        let a = Array(lhs.unicodeScalars)
        let b = Array(rhs.unicodeScalars)
        guard abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previousRow: [Int] = []
        var row = Array(0...b.count)
        for i in 1...a.count {
            let rowBefore = previousRow
            previousRow = row
            row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                row[j] = min(previousRow[j] + 1, row[j - 1] + 1, previousRow[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    row[j] = min(row[j], rowBefore[j - 2] + 1)
                }
            }
            if row.min() ?? 0 > limit { return nil }
        }
        return row[b.count] <= limit ? row[b.count] : nil
    }
}
