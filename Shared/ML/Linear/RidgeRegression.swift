/// Ridge regression on standardised numeric and one-hot categorical features: the linear baseline.
///
/// Numeric features are centred and scaled to unit variance; a missing value
/// becomes the mean (0 after standardisation). Each categorical level is one
/// 0/1 column; a missing or unseen level sets none of them. The intercept is
/// not penalised.
public struct RidgeRegression: Codable, Sendable {
    /// The inputs, in order.
    public var features: [FeatureInfo]
    /// Per feature: the training mean (numeric features; 0 for categorical ones).
    public var means: [Double]
    /// Per feature: the training standard deviation (numeric features; 1 for categorical ones).
    public var scales: [Double]
    /// Per feature: the weights of its columns (one for numeric features, one per level for categorical ones).
    public var weights: [[Double]]
    /// The intercept.
    public var intercept: Double
    /// The L2 penalty it was fitted with.
    public var lambda: Double

    /// The expanded column count up to which ``fit(_:lambda:directSolveMaxColumns:)`` solves the
    /// normal equations directly when the caller names no limit.
    public static let standardDirectSolveMaxColumns = 1_000

    /// Fits the model on the regularised normal equations `(XᵀX + λI) w = Xᵀy` of the centred
    /// design.
    ///
    /// Up to `directSolveMaxColumns` expanded columns `p`, the p×p matrix is formed and solved
    /// by Cholesky (`O(n·p² + p³)` time, `O(p²)` memory). Wider data is solved by conjugate
    /// gradients without ever forming that matrix: each iteration is two passes over the
    /// rows (`O(n·p)`), memory stays `O(p)`, and at most `min(n, p) + 1` iterations are needed in
    /// exact arithmetic (stopping at a relative residual of 1e-10, or after
    /// ``maxConjugateGradientIterations``). Both give the same weights to solver precision.
    public static func fit(
        _ data: Dataset, lambda: Double, directSolveMaxColumns: Int = standardDirectSolveMaxColumns
    ) throws(MLError) -> RidgeRegression {
        guard lambda >= 0 else {
            throw MLError(.invalidConfiguration, "ridge lambda must not be negative", input: .init(value: "\(lambda)"))
        }
        guard data.featureCount > 0 else { throw MLError(.noFeatures, "the training data has no features") }
        let y = try data.validatedTarget()
        let n = data.rowCount
        var means = [Double](), scales = [Double]()
        for (f, feature) in data.features.enumerated() {
            if feature.kind == .numeric {
                let present = data.column(f).filter { !$0.isNaN }
                let mean = present.reduce(0, +) / Double(max(1, present.count))
                let variance = present.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, present.count))
                means.append(mean)
                scales.append(variance > 0 ? variance.squareRoot() : 1)
            } else {
                means.append(0)
                scales.append(1)
            }
        }
        var model = RidgeRegression(
            features: data.features, means: means, scales: scales,
            weights: data.features.map { [Double](repeating: 0, count: $0.kind == .numeric ? 1 : $0.levels.count) },
            intercept: 0, lambda: lambda)
        let p = model.weights.reduce(0) { $0 + $1.count }
        // Column means of the expanded design, to centre it (the intercept is then unpenalised).
        var columnMeans = [Double](repeating: 0, count: p)
        var row = [Double](repeating: 0, count: p)
        for r in 0..<n {
            model.expand(row: r, of: data, into: &row)
            for j in 0..<p { columnMeans[j] += row[j] }
        }
        for j in 0..<p { columnMeans[j] /= Double(n) }
        let yMean = y.reduce(0, +) / Double(n)
        let solution =
            p <= directSolveMaxColumns
            ? try model.directSolution(data, y: y, yMean: yMean, columnMeans: columnMeans)
            : model.conjugateGradientSolution(data, y: y, yMean: yMean, columnMeans: columnMeans)
        var offset = 0
        for f in model.weights.indices {
            for j in model.weights[f].indices { model.weights[f][j] = solution[offset + j] }
            offset += model.weights[f].count
        }
        model.intercept = yMean - zip(solution, columnMeans).reduce(0) { $0 + $1.0 * $1.1 }
        return model
    }

    /// The most conjugate-gradient iterations of a wide fit; far more than a ridge system of
    /// standardised columns needs.
    public static let maxConjugateGradientIterations = 1_000

    /// Solves the normal equations by forming the p×p matrix and factoring it (Cholesky).
    private func directSolution(_ data: Dataset, y: [Double], yMean: Double, columnMeans: [Double]) throws(MLError) -> [Double] {
        let p = columnMeans.count
        var row = [Double](repeating: 0, count: p)
        var gram = [Double](repeating: 0, count: p * p)
        var rhs = [Double](repeating: 0, count: p)
        for r in 0..<data.rowCount {
            expand(row: r, of: data, into: &row)
            for j in 0..<p { row[j] -= columnMeans[j] }
            let target = y[r] - yMean
            for j in 0..<p where row[j] != 0 {
                rhs[j] += row[j] * target
                let rj = row[j]
                for k in j..<p { gram[j * p + k] += rj * row[k] }
            }
        }
        for j in 0..<p {
            for k in 0..<j { gram[j * p + k] = gram[k * p + j] }
            gram[j * p + j] += lambda + 1e-9
        }
        return try Self.solveCholesky(gram, rhs, size: p)
    }

    /// Solves the normal equations by Jacobi-preconditioned conjugate gradients, multiplying by
    /// the centred design row by row instead of forming XᵀX.
    private func conjugateGradientSolution(_ data: Dataset, y: [Double], yMean: Double, columnMeans: [Double]) -> [Double] {
        let p = columnMeans.count
        let ridge = lambda + 1e-9
        var row = [Double](repeating: 0, count: p)
        var rhs = [Double](repeating: 0, count: p)
        var diagonal = [Double](repeating: ridge, count: p)
        for r in 0..<data.rowCount {
            expand(row: r, of: data, into: &row)
            let target = y[r] - yMean
            for j in 0..<p {
                let centred = row[j] - columnMeans[j]
                rhs[j] += centred * target
                diagonal[j] += centred * centred
            }
        }
        // (XᵀX + λI) v, one pass over the rows.
        func multiply(_ v: [Double]) -> [Double] {
            var result = v.map { $0 * ridge }
            for r in 0..<data.rowCount {
                expand(row: r, of: data, into: &row)
                var dot = 0.0
                for j in 0..<p { dot += (row[j] - columnMeans[j]) * v[j] }
                for j in 0..<p { result[j] += (row[j] - columnMeans[j]) * dot }
            }
            return result
        }
        var x = [Double](repeating: 0, count: p)
        var residual = rhs
        var preconditioned = zip(residual, diagonal).map { $0 / $1 }
        var direction = preconditioned
        var rho = zip(residual, preconditioned).reduce(0) { $0 + $1.0 * $1.1 }
        let tolerance = 1e-20 * max(rhs.reduce(0) { $0 + $1 * $1 }, .leastNormalMagnitude)
        for _ in 0..<min(Self.maxConjugateGradientIterations, p + 1) {
            guard residual.reduce(0, { $0 + $1 * $1 }) > tolerance else { break }
            let product = multiply(direction)
            let curvature = zip(direction, product).reduce(0) { $0 + $1.0 * $1.1 }
            guard curvature > 0 else { break }
            let step = rho / curvature
            for j in 0..<p {
                x[j] += step * direction[j]
                residual[j] -= step * product[j]
                preconditioned[j] = residual[j] / diagonal[j]
            }
            let next = zip(residual, preconditioned).reduce(0) { $0 + $1.0 * $1.1 }
            for j in 0..<p { direction[j] = preconditioned[j] + next / rho * direction[j] }
            rho = next
        }
        return x
    }

    /// Predicts every row of a data set with the same features.
    public func predict(_ data: Dataset) throws(MLError) -> [Double] {
        guard data.featureCount == features.count else {
            throw MLError(.featureCountMismatch, "data has \(data.featureCount) features, the model expects \(features.count)")
        }
        return (0..<data.rowCount).map { r in
            var sum = intercept
            for f in features.indices {
                let v = data[r, f]
                if v.isNaN { continue }
                if features[f].kind == .numeric {
                    sum += weights[f][0] * (v - means[f]) / scales[f]
                } else if let code = Int(exactly: v), code >= 0, code < weights[f].count {
                    sum += weights[f][code]
                }
            }
            return sum
        }
    }

    /// Writes the expanded (standardised, one-hot) columns of one row.
    private func expand(row r: Int, of data: Dataset, into out: inout [Double]) {
        var j = 0
        for f in features.indices {
            let v = data[r, f]
            if features[f].kind == .numeric {
                out[j] = v.isNaN ? 0 : (v - means[f]) / scales[f]
                j += 1
            } else {
                let levels = weights[f].count
                for k in 0..<levels { out[j + k] = 0 }
                if let code = Int(exactly: v), code >= 0, code < levels { out[j + code] = 1 }
                j += levels
            }
        }
    }

    /// Solves the symmetric positive definite system `A x = b`.
    private static func solveCholesky(_ a: [Double], _ b: [Double], size p: Int) throws(MLError) -> [Double] {
        var l = [Double](repeating: 0, count: p * p)
        for i in 0..<p {
            for j in 0...i {
                var sum = a[i * p + j]
                for k in 0..<j { sum -= l[i * p + k] * l[j * p + k] }
                if i == j {
                    guard sum > 0 else { throw MLError(.singularSystem, "the ridge system is not positive definite") }
                    l[i * p + i] = sum.squareRoot()
                } else {
                    l[i * p + j] = sum / l[j * p + j]
                }
            }
        }
        var z = [Double](repeating: 0, count: p)
        for i in 0..<p {
            var sum = b[i]
            for k in 0..<i { sum -= l[i * p + k] * z[k] }
            z[i] = sum / l[i * p + i]
        }
        var x = [Double](repeating: 0, count: p)
        for i in stride(from: p - 1, through: 0, by: -1) {
            var sum = z[i]
            for k in (i + 1)..<p { sum -= l[k * p + i] * x[k] }
            x[i] = sum / l[i * p + i]
        }
        return x
    }
}
