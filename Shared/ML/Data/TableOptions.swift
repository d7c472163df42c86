/// How a CSV table becomes a ``Dataset``: which column is the target, which
/// columns to drop, and how to read empty cells.
public struct TableOptions: Codable, Sendable, Equatable {
    /// Cells equal to one of these strings are missing values. Default: the empty string and `NA`.
    public var missingTokens: [String]
    /// Per column, the level an empty cell stands for (e.g. `"Mas_Vnr_Type": "None"`).
    public var emptyAs: [String: String]
    /// Columns that are not features.
    public var ignore: [String]
    /// Columns to read as categorical even when every cell is a number.
    public var categorical: [String]

    public init(
        missingTokens: [String] = ["", "NA"], emptyAs: [String: String] = [:],
        ignore: [String] = [], categorical: [String] = []
    ) {
        self.missingTokens = missingTokens
        self.emptyAs = emptyAs
        self.ignore = ignore
        self.categorical = categorical
    }

    private enum CodingKeys: String, CodingKey {
        case missingTokens, emptyAs, ignore, categorical
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = TableOptions()
        missingTokens = try c.decodeIfPresent([String].self, forKey: .missingTokens) ?? defaults.missingTokens
        emptyAs = try c.decodeIfPresent([String: String].self, forKey: .emptyAs) ?? defaults.emptyAs
        ignore = try c.decodeIfPresent([String].self, forKey: .ignore) ?? defaults.ignore
        categorical = try c.decodeIfPresent([String].self, forKey: .categorical) ?? defaults.categorical
    }

    /// The cell after substituting `emptyAs`, or `nil` when it is missing.
    func resolve(_ cell: String, column: String) -> String? {
        if cell.isEmpty, let level = emptyAs[column] { return level }
        return missingTokens.contains(cell) ? nil : cell
    }
}
