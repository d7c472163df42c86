import Foundation

extension SchemaMessage {
    /// The name of this type as it appears in errors and in `docs/schema.md`, for example `"Home"`.
    public static var typeName: String { String(describing: Self.self) }

    /// Encodes this message as the shared JSON representation (see ``SchemaJSON``).
    ///
    /// - Throws: ``SchemaError`` with code ``SchemaError/Code/unencodableValue`` when a value
    ///   has no JSON form, such as a `Double.nan` feature value.
    public func encoded() throws(SchemaError) -> Data {
        do {
            return try SchemaJSONEncoder().encode(self)
        } catch {
            throw SchemaError(encodingFailure: error, typeName: Self.typeName)
        }
    }

    /// Decodes a message of this type from its JSON representation.
    ///
    /// Older schema versions are accepted (fields added since are optional); a version newer
    /// than ``currentSchemaVersion`` is rejected, even when the rest of the body would decode,
    /// because the producer may mean something this build does not know.
    ///
    /// - Parameter data: The record value as received from Kafka or HTTP.
    /// - Returns: The decoded message.
    /// - Throws: ``SchemaError`` naming the offending field path, for example
    ///   `address.postalCode`, or ``SchemaError/Code/invalidJSON`` when `data` is not JSON.
    public static func decode(from data: Data) throws(SchemaError) -> Self {
        let message: Self
        do {
            message = try SchemaJSON.decode(Self.self, from: data)
        } catch {
            throw SchemaError(decodingFailure: error, decoding: Self.self, from: data)
        }
        if let error = SchemaError(checkingVersion: message.schemaVersion, of: Self.self) {
            throw error
        }
        return message
    }
}
