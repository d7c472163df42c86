import Foundation

/// How a region code is compared: surrounding white space removed, upper case.
enum RegionCode {
    /// `region` trimmed and upper-cased (empty when nothing is left).
    static func normalized(_ region: String) -> String {
        region.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
    }
}
