/// One request prepared for the model: its input row and what monitoring wants to know.
public struct ServingInput: Sendable {
    /// The tree model's input, in ``FittedFeatureParameters/featureNames`` order.
    public var values: [Double]
    /// The extracted features and their issues, before encoding.
    public var extracted: ExtractedFeatures
    /// The numeric features clipped to their training bounds.
    public var clippedFeatures: [String]

    /// Creates a prepared input.
    ///
    /// - Parameters:
    ///   - values: The model input.
    ///   - extracted: The extracted features.
    ///   - clippedFeatures: The clipped numeric features.
    public init(values: [Double], extracted: ExtractedFeatures, clippedFeatures: [String]) {
        self.values = values
        self.extracted = extracted
        self.clippedFeatures = clippedFeatures
    }
}
