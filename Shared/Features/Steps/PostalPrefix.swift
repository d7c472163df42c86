/// The leading characters of a postal code, the `postalPrefix` category: a US ZIP-3 area,
/// a Canadian forward sortation area, a German Leitregion.
public enum PostalPrefix {
    /// The first `length` characters of `code` in upper case, after removing spaces and
    /// hyphens.
    ///
    /// - Parameters:
    ///   - code: The postal code as given.
    ///   - length: The region's prefix length.
    ///   - issues: Receives an issue when the code holds anything but ASCII letters and digits
    ///     (``FeatureIssue/Reason/malformed``) or is shorter than `length`
    ///     (``FeatureIssue/Reason/tooShort``, for example a ZIP code that lost its leading zero).
    /// - Returns: The prefix, or `nil` for an empty or rejected code.
    public static func prefix(of code: String, length: Int, issues: inout [FeatureIssue]) -> String? {
        let compact = code.filter { !$0.isWhitespace && $0 != "-" }
        guard !compact.isEmpty else { return nil }
        let reason: FeatureIssue.Reason? =
            !compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
            ? .malformed
            : compact.count < length ? .tooShort : nil
        if let reason {
            issues.append(FeatureIssue(field: "postalCode", reason: reason, value: code))
            return nil
        }
        return String(compact.prefix(length)).uppercased()
    }
}
