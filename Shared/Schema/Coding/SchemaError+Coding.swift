import Foundation

extension SchemaError {
    /// Classifies a failure of `JSONDecoder` while decoding `type` from `data`.
    ///
    /// Invalid JSON and a too-new ``SchemaMessage/schemaVersion`` take precedence over the
    /// decoder's own error: a newer producer may have renamed the very field the decoder
    /// complains about. The extra parse only happens on this failure path.
    init<Message: SchemaMessage>(
        decodingFailure error: any Error,
        decoding type: Message.Type,
        from data: Data
    ) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            self.init(
                code: .invalidJSON,
                typeName: type.typeName,
                fieldPath: nil,
                reason: "the data is not valid JSON" + (detail.map { " (\($0))" } ?? "")
            )
            return
        }
        if let version = (object as? [String: Any])?["schemaVersion"] as? Int,
            let versionError = SchemaError(checkingVersion: version, of: type)
        {
            self = versionError
            return
        }
        self.init(decodingError: error, typeName: type.typeName)
    }

    /// Checks a decoded schema version against what `type` supports; `nil` when readable.
    init?<Message: SchemaMessage>(checkingVersion version: Int, of type: Message.Type) {
        if version > type.currentSchemaVersion {
            self.init(
                code: .unsupportedSchemaVersion,
                typeName: type.typeName,
                fieldPath: "schemaVersion",
                reason:
                    "schema version \(version) is newer than the supported version \(type.currentSchemaVersion)"
            )
        } else if version < 1 {
            self.init(
                code: .invalidValue,
                typeName: type.typeName,
                fieldPath: "schemaVersion",
                reason: "schema version must be at least 1, found \(version)"
            )
        } else {
            return nil
        }
    }

    /// Translates a `DecodingError` (or any other decoder failure) for `typeName`.
    private init(decodingError error: any Error, typeName: String) {
        guard let error = error as? DecodingError else {
            self.init(
                code: .invalidValue,
                typeName: typeName,
                fieldPath: nil,
                reason: String(describing: error)
            )
            return
        }
        switch error {
        case .keyNotFound(let key, let context):
            self.init(
                code: .missingField,
                typeName: typeName,
                fieldPath: Self.fieldPath(context.codingPath + [key]),
                reason: "the required field is missing"
            )
        case .valueNotFound(let expected, let context):
            self.init(
                code: .nullValue,
                typeName: typeName,
                fieldPath: Self.fieldPath(context.codingPath),
                reason: "the required field is null, expected \(expected)"
            )
        case .typeMismatch(_, let context):
            self.init(
                code: .typeMismatch,
                typeName: typeName,
                fieldPath: Self.fieldPath(context.codingPath),
                reason: context.debugDescription
            )
        case .dataCorrupted(let context):
            self.init(
                code: context.codingPath.isEmpty ? .invalidJSON : .invalidValue,
                typeName: typeName,
                fieldPath: Self.fieldPath(context.codingPath),
                reason: context.debugDescription
            )
        @unknown default:
            self.init(
                code: .invalidValue,
                typeName: typeName,
                fieldPath: nil,
                reason: String(describing: error)
            )
        }
    }

    /// Classifies a failure of `JSONEncoder` while encoding a `typeName` message.
    init(encodingFailure error: any Error, typeName: String) {
        if case .invalidValue(_, let context) = error as? EncodingError {
            self.init(
                code: .unencodableValue,
                typeName: typeName,
                fieldPath: Self.fieldPath(context.codingPath),
                reason: context.debugDescription
            )
        } else {
            self.init(
                code: .unencodableValue,
                typeName: typeName,
                fieldPath: nil,
                reason: String(describing: error)
            )
        }
    }

    /// Renders a coding path as `address.postalCode`, `reasons[0].field` or
    /// `provenance["address.city"][0].value`; `nil` for the empty path.
    ///
    /// Array positions are keys whose integer value differs from their text (Foundation names
    /// them `Index 0`); dictionary keys that are not plain identifiers are quoted so a key
    /// containing a dot cannot be mistaken for nesting.
    static func fieldPath(_ codingPath: [any CodingKey]) -> String? {
        var path = ""
        for key in codingPath {
            if let index = key.intValue, key.stringValue != String(index) {
                path += "[\(index)]"
            } else if isIdentifier(key.stringValue) {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            } else {
                path += "[\"\(key.stringValue)\"]"
            }
        }
        return path.isEmpty ? nil : path
    }

    private static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic
        else { return false }
        return text.unicodeScalars.allSatisfy {
            $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0)
        }
    }
}
