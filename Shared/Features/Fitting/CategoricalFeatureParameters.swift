/// The fitted parameters of one categorical feature.
public struct CategoricalFeatureParameters: Codable, Sendable, Equatable {
    /// The feature's name.
    public var name: String
    /// The levels in code order (sorted); code `i` is `levels[i]`. Includes
    /// ``FittedFeatureParameters/otherLevel`` when rare values were folded into it.
    public var levels: [String]
    /// The values seen in training too rarely to keep their own level, sorted; they encode as
    /// ``FittedFeatureParameters/otherLevel``.
    public var foldedValues: [String]
    /// How many training rows had a value.
    public var presentCount: Int

    /// Creates the parameters of a categorical feature.
    ///
    /// - Parameters:
    ///   - name: The feature's name.
    ///   - levels: The levels in code order.
    ///   - foldedValues: The rare training values folded into the other level.
    ///   - presentCount: The training rows with a value.
    public init(name: String, levels: [String], foldedValues: [String], presentCount: Int) {
        self.name = name
        self.levels = levels
        self.foldedValues = foldedValues
        self.presentCount = presentCount
    }
}
