/// The one error type of the `ML` module.
///
/// Every error carries a stable ``Code`` (safe to match on and to log), a human
/// readable reason, and the input that caused it: a file, a column, a row or a
/// feature, whichever applies.
public struct MLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable, machine-readable error code.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The data set has no rows (or no usable rows).
        public static let emptyData = Code(rawValue: "ml.empty_data")
        /// The data set has no features.
        public static let noFeatures = Code(rawValue: "ml.no_features")
        /// A target value is NaN or infinite.
        public static let invalidTarget = Code(rawValue: "ml.invalid_target")
        /// A row has a different number of features than the model expects.
        public static let featureCountMismatch = Code(rawValue: "ml.feature_count_mismatch")
        /// A column the model needs is absent from the input.
        public static let missingColumn = Code(rawValue: "ml.missing_column")
        /// A cell could not be parsed as the column's type.
        public static let invalidValue = Code(rawValue: "ml.invalid_value")
        /// A CSV file is malformed (ragged rows, unterminated quotes).
        public static let malformedCSV = Code(rawValue: "ml.malformed_csv")
        /// A configuration value is out of range or unknown.
        public static let invalidConfiguration = Code(rawValue: "ml.invalid_configuration")
        /// A model or checkpoint file is not readable by this version.
        public static let invalidModelFile = Code(rawValue: "ml.invalid_model_file")
        /// A checkpoint does not belong to the data or configuration it is resumed with.
        public static let checkpointMismatch = Code(rawValue: "ml.checkpoint_mismatch")
        /// A file could not be read or written.
        public static let io = Code(rawValue: "ml.io")
        /// A linear system could not be solved.
        public static let singularSystem = Code(rawValue: "ml.singular_system")
        /// Training was stopped from outside (a service shutting down) after a checkpoint.
        public static let interrupted = Code(rawValue: "ml.interrupted")
    }

    /// Where in the input the problem is. Every field is optional.
    public struct Input: Sendable, Equatable, CustomStringConvertible {
        public var path: String?
        public var column: String?
        public var row: Int?
        public var feature: Int?
        public var value: String?

        public init(path: String? = nil, column: String? = nil, row: Int? = nil, feature: Int? = nil, value: String? = nil) {
            self.path = path
            self.column = column
            self.row = row
            self.feature = feature
            self.value = value
        }

        public var description: String {
            var parts: [String] = []
            if let path { parts.append("path=\(path)") }
            if let column { parts.append("column=\(column)") }
            if let row { parts.append("row=\(row)") }
            if let feature { parts.append("feature=\(feature)") }
            if let value { parts.append("value=\(value.debugDescription)") }
            return parts.joined(separator: " ")
        }
    }

    public let code: Code
    public let reason: String
    public let input: Input

    public init(_ code: Code, _ reason: String, input: Input = Input()) {
        self.code = code
        self.reason = reason
        self.input = input
    }

    public var description: String {
        let where_ = input.description
        return where_.isEmpty ? "\(code): \(reason)" : "\(code): \(reason) (\(where_))"
    }
}
