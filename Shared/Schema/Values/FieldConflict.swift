/// A field on which the sources of a merged ``Home`` disagreed, and how it was settled.
///
/// The competing values are in the home's ``Home/provenance`` under the same field name.
public struct FieldConflict: Codable, Sendable, Equatable {
    /// The canonical field name, for example `"livingArea"` or `"address.postalCode"`.
    public var field: String

    /// The merge policy that chose the value.
    public var resolution: ConflictResolution

    /// Creates a conflict record.
    ///
    /// - Parameters:
    ///   - field: The canonical field name.
    ///   - resolution: The merge policy that chose the value.
    public init(field: String, resolution: ConflictResolution) {
        self.field = field
        self.resolution = resolution
    }
}
