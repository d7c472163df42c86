/// Turns ``CSVTable`` text cells into a numeric ``Dataset``.
///
/// For training, ``infer(_:target:options:)`` decides each column's type: a
/// column is numeric when every present cell parses as a finite number, and
/// categorical otherwise, with its levels sorted. For prediction,
/// ``encode(_:features:options:)`` reuses a model's feature descriptions; a
/// level the model has not seen becomes a missing value (the documented
/// fallback: it follows the learned default direction).
public enum TableEncoder {
    /// Infers feature types and builds the training data set; `target` must name a numeric column.
    public static func infer(_ table: CSVTable, target: String, options: TableOptions) throws(MLError) -> Dataset {
        guard let targetIndex = table.columnIndex(target) else {
            throw MLError(.missingColumn, "target column not found", input: .init(column: target))
        }
        guard table.rowCount > 0 else {
            throw MLError(.emptyData, "the table has no rows")
        }
        var y = [Double]()
        y.reserveCapacity(table.rowCount)
        for (r, cell) in table.columns[targetIndex].enumerated() {
            guard let value = Double(cell), value.isFinite else {
                throw MLError(.invalidTarget, "target is not a finite number", input: .init(column: target, row: r, value: cell))
            }
            y.append(value)
        }
        var features: [FeatureInfo] = []
        var columns: [[Double]] = []
        for (c, name) in table.header.enumerated() where c != targetIndex && !options.ignore.contains(name) {
            let cells = table.columns[c].map { options.resolve($0, column: name) }
            let numbers = cells.map { cell in cell.flatMap { Double($0) } }
            let isNumeric =
                !options.categorical.contains(name)
                && zip(cells, numbers).allSatisfy { cell, number in cell == nil || (number?.isFinite ?? false) }
            if isNumeric {
                features.append(.numeric(name))
                columns.append(numbers.map { $0 ?? .nan })
            } else {
                let levels = Array(Set(cells.compactMap { $0 })).sorted()
                let codes = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, Double($0)) })
                features.append(.categorical(name, levels: levels))
                columns.append(cells.map { $0.flatMap { codes[$0] } ?? .nan })
            }
        }
        guard !features.isEmpty else {
            throw MLError(.noFeatures, "the table has no feature columns")
        }
        return try Dataset(features: features, columns: columns, target: y)
    }

    /// Encodes a table with known feature descriptions; the target column, if named and present, is read too.
    public static func encode(
        _ table: CSVTable, features: [FeatureInfo], options: TableOptions,
        target: String? = nil
    ) throws(MLError) -> Dataset {
        var columns: [[Double]] = []
        for feature in features {
            guard let c = table.columnIndex(feature.name) else {
                throw MLError(.missingColumn, "a model feature is missing from the input", input: .init(column: feature.name))
            }
            let cells = table.columns[c].map { options.resolve($0, column: feature.name) }
            switch feature.kind {
            case .numeric:
                var column = [Double]()
                column.reserveCapacity(cells.count)
                for (r, cell) in cells.enumerated() {
                    guard let cell else { column.append(.nan); continue }
                    guard let value = Double(cell), value.isFinite else {
                        throw MLError(.invalidValue, "not a finite number", input: .init(column: feature.name, row: r, value: cell))
                    }
                    column.append(value)
                }
                columns.append(column)
            case .categorical:
                let codes = Dictionary(uniqueKeysWithValues: feature.levels.enumerated().map { ($1, Double($0)) })
                columns.append(cells.map { $0.flatMap { codes[$0] } ?? .nan })
            }
        }
        var y: [Double]?
        if let target, let t = table.columnIndex(target) {
            y = table.columns[t].map { Double($0) ?? .nan }
        }
        guard !features.isEmpty else {
            throw MLError(.noFeatures, "the model has no features")
        }
        return try Dataset(features: features, columns: columns, target: y)
    }
}
