/// The training objective of a gradient-boosted model.
///
/// Every supported loss has a unit hessian (Newton's step is the mean
/// gradient), so a node's sum of hessians is its row count and histograms keep
/// only gradient sums and counts.
public enum Loss: Sendable, Equatable {
    /// Squared error; the model predicts the mean.
    case squaredError
    /// Huber loss with transition point `delta`: squared for small residuals, absolute for large ones.
    case huber(delta: Double)
    /// Pinball loss for quantile `alpha` in (0, 1); the model predicts that quantile.
    case quantile(alpha: Double)

    /// A short name, used in model files and metric names.
    public var name: String {
        switch self {
        case .squaredError: "squared_error"
        case .huber: "huber"
        case .quantile: "quantile"
        }
    }

    /// Whether leaf values are re-fitted to residual quantiles after the tree is grown.
    var renewsLeaves: Bool {
        if case .quantile = self { return true }
        return false
    }

    /// The constant prediction that minimises the loss on `target`.
    func initialScore(_ target: [Double]) -> Double {
        switch self {
        case .squaredError:
            return target.reduce(0, +) / Double(target.count)
        case .huber:
            return Self.quantile(of: target, 0.5)
        case .quantile(let alpha):
            return Self.quantile(of: target, alpha)
        }
    }

    /// Writes the gradient of the loss at `score` for each row of `range`.
    func gradients(
        target: UnsafePointer<Double>, score: UnsafePointer<Double>,
        gradient: UnsafeMutablePointer<Double>, range: Range<Int>
    ) {
        switch self {
        case .squaredError:
            for i in range { gradient[i] = score[i] - target[i] }
        case .huber(let delta):
            for i in range { gradient[i] = min(delta, max(-delta, score[i] - target[i])) }
        case .quantile(let alpha):
            for i in range { gradient[i] = target[i] >= score[i] ? -alpha : 1 - alpha }
        }
    }

    /// The leaf value re-fitted to residuals `target - score` (for losses that renew leaves).
    func renewedLeaf(residuals: [Double]) -> Double {
        guard case .quantile(let alpha) = self, !residuals.isEmpty else { return 0 }
        return Self.quantile(of: residuals, alpha)
    }

    /// The loss averaged over rows: RMSE for squared error, mean Huber loss, mean pinball loss.
    public func metric(target: [Double], prediction: [Double]) -> Double {
        var sum = 0.0
        for (y, p) in zip(target, prediction) {
            let r = y - p
            switch self {
            case .squaredError:
                sum += r * r
            case .huber(let delta):
                sum += abs(r) <= delta ? 0.5 * r * r : delta * (abs(r) - 0.5 * delta)
            case .quantile(let alpha):
                sum += r >= 0 ? alpha * r : (alpha - 1) * r
            }
        }
        let mean = sum / Double(max(1, target.count))
        return self == .squaredError ? mean.squareRoot() : mean
    }

    /// The name of ``metric(target:prediction:)``.
    public var metricName: String {
        switch self {
        case .squaredError: "rmse"
        case .huber: "huber"
        case .quantile: "pinball"
        }
    }

    /// Linear-interpolated quantile (the "linear" rule of numpy) of unsorted values.
    static func quantile(of values: [Double], _ q: Double) -> Double {
        let sorted = values.sorted()
        guard sorted.count > 1 else { return sorted.first ?? 0 }
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }
}
