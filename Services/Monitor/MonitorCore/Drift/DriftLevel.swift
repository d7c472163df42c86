/// How far a live distribution has moved from its reference at one check.
public enum DriftLevel: String, Sendable, Codable, Comparable {
    /// Below every threshold.
    case stable
    /// A moderate shift (PSI between the warning and the alert threshold).
    case moderate
    /// A significant shift (PSI, Jensen–Shannon or Kolmogorov–Smirnov beyond its threshold).
    case significant

    /// Orders by severity.
    public static func < (lhs: DriftLevel, rhs: DriftLevel) -> Bool {
        let order: [DriftLevel] = [.stable, .moderate, .significant]
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}
