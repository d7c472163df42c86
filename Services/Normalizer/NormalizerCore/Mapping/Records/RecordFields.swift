/// The fields of one parsed record payload, looked up by a mapping path.
///
/// Each ``Schema/RecordFormat`` reads paths its own way: dot paths into JSON, column names in
/// CSV, element paths in XML.
protocol RecordFields: Sendable {
    /// The text at `path`, or `nil` when the record has nothing there (or `null`).
    /// - Throws: ``NormalizationError/Code/notAScalar`` when the path ends at an object or list.
    func text(at path: String) throws(NormalizationError) -> String?
}
