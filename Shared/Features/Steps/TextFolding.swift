import Foundation

/// How category text is compared: compatibility-decomposed, diacritics removed, lower case,
/// `ß` as `ss`, white space runs as one space, trimmed.
///
/// `"  MÜNCHEN "`, `"München"` and `"Mu\u{308}nchen"` all fold to `"munchen"`; `"Gießen"`
/// and `"GIESSEN"` to `"giessen"`. The folding uses no locale, so it is the same everywhere.
public enum TextFolding {
    /// The folded form of `text`, or `nil` when nothing but white space and marks is left.
    public static func fold(_ text: String) -> String? {
        // ASCII has nothing to decompose and no marks: the serving path's common case, without
        // Foundation's Unicode normalization.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            let words = text.lowercased().split(whereSeparator: \.isWhitespace)
            return words.isEmpty ? nil : words.joined(separator: " ")
        }
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            scalars.append(scalar)
        }
        let words = String(scalars).lowercased().replacingOccurrences(of: "ß", with: "ss")
            .split(whereSeparator: \.isWhitespace)
        return words.isEmpty ? nil : words.joined(separator: " ")
    }
}
