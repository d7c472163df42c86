/// A column-major table of raw feature values with an optional target.
///
/// Numeric features hold their values; categorical features hold level codes
/// (see ``FeatureInfo``). NaN marks a missing value in either kind. Values are
/// stored in one contiguous array, `values[feature * rowCount + row]`.
public struct Dataset: Sendable {
    /// One entry per feature.
    public var features: [FeatureInfo]
    /// The number of rows.
    public let rowCount: Int
    /// All values, column after column.
    public var values: [Double]
    /// The regression target, one value per row, if known.
    public var target: [Double]?

    /// Builds a data set from contiguous column-major values.
    public init(features: [FeatureInfo], rowCount: Int, values: [Double], target: [Double]? = nil) throws(MLError) {
        guard values.count == rowCount * features.count else {
            throw MLError(
                .featureCountMismatch,
                "\(values.count) values do not fill \(rowCount) rows of \(features.count) features")
        }
        if let target, target.count != rowCount {
            throw MLError(.featureCountMismatch, "target has \(target.count) rows, expected \(rowCount)")
        }
        self.features = features
        self.rowCount = rowCount
        self.values = values
        self.target = target
    }

    /// Builds a data set from one array per feature; every column must have the same length.
    public init(features: [FeatureInfo], columns: [[Double]], target: [Double]? = nil) throws(MLError) {
        guard features.count == columns.count else {
            throw MLError(.featureCountMismatch, "\(features.count) features described but \(columns.count) columns given")
        }
        let rows = columns.first?.count ?? target?.count ?? 0
        for (f, column) in columns.enumerated() where column.count != rows {
            throw MLError(
                .featureCountMismatch, "column has \(column.count) rows, expected \(rows)",
                input: .init(column: features[f].name, feature: f))
        }
        try self.init(features: features, rowCount: rows, values: columns.flatMap { $0 }, target: target)
    }

    /// The number of features.
    public var featureCount: Int { features.count }

    /// The value of `feature` in `row`.
    public subscript(row: Int, feature: Int) -> Double {
        values[feature * rowCount + row]
    }

    /// The values of one feature.
    public func column(_ feature: Int) -> ArraySlice<Double> {
        values[(feature * rowCount)..<((feature + 1) * rowCount)]
    }

    /// The values of one row, in feature order.
    public func row(_ index: Int) -> [Double] {
        (0..<featureCount).map { values[$0 * rowCount + index] }
    }

    /// A new data set holding the given rows, in the given order.
    public func subset(rows: [Int]) -> Dataset {
        var out = [Double]()
        out.reserveCapacity(rows.count * featureCount)
        for f in 0..<featureCount {
            let base = f * rowCount
            for r in rows { out.append(values[base + r]) }
        }
        let tgt = target.map { t in rows.map { t[$0] } }
        // Sizes agree by construction.
        return try! Dataset(features: features, rowCount: rows.count, values: out, target: tgt)
    }

    /// The target, after checking that there is one, that there are rows, and that every value is finite.
    public func validatedTarget() throws(MLError) -> [Double] {
        guard let target else {
            throw MLError(.invalidTarget, "the data set has no target")
        }
        guard !target.isEmpty else {
            throw MLError(.emptyData, "the data set has no rows")
        }
        if let bad = target.firstIndex(where: { !$0.isFinite }) {
            throw MLError(.invalidTarget, "target is not finite", input: .init(row: bad, value: "\(target[bad])"))
        }
        return target
    }
}
