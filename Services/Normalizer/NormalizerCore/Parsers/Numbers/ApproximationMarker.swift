import Foundation

/// Words that say a quantity or a date is approximate (`ca. 120 m²`, `approx. 1,200 sqft`,
/// `ca. 1905`, `um 1900`). The parsers accept them and keep the number or date.
enum ApproximationMarker {
    /// Longest first, so `approx.` wins over `approx`.
    private static let markers = [
        "approximately", "ungefähr", "approx.", "approx", "circa", "around", "about", "etwa",
        "rund", "ca.", "ca", "c.", "um", "~", "≈",
    ]

    /// The text without a leading approximation marker.
    static func stripped(_ text: Substring) -> Substring {
        let lowercased = text.lowercased()
        for marker in markers where lowercased.hasPrefix(marker) {
            let rest = text.dropFirst(marker.count)
            let endsWord = marker.last?.isLetter == false || rest.first?.isLetter != true
            if endsWord {
                return Substring(TextFolding.trimmingSpaces(rest))
            }
        }
        return text
    }
}
