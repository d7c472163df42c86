extension RecordFields {
    /// The text at the first of `paths` with a value: not absent, not blank, not a placeholder
    /// (`TBD`, `n/a`). A path leading to an object or list is passed over when another path
    /// follows, or always with `passingOverObjects` (a one-line address whose parts are mapped
    /// too: an address given as an object in some records and as a string in others). A
    /// placeholder that `isValue` accepts is a value all the same (`None` is a cooling system's
    /// term, not a missing cooling); `isValue` is asked about placeholders only.
    /// - Throws: ``NormalizationError/Code/notAScalar`` for an object or list it does not pass over.
    func firstValue(
        at paths: [String], passingOverObjects: Bool = false, isValue: (String) -> Bool = { _ in false }
    ) throws(NormalizationError) -> String? {
        for (index, path) in paths.enumerated() {
            let found: String?
            do {
                found = try text(at: path)
            } catch {
                guard error.code == .notAScalar, passingOverObjects || index < paths.count - 1 else { throw error }
                continue
            }
            if let found, !TextFolding.isBlank(found),
                !InputScreening.isPlaceholder(TextFolding.collapsingWhitespace(found)) || isValue(found)
            {
                return found
            }
        }
        return nil
    }
}
