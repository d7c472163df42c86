import Foundation
import Schema

extension JSONValue {
    /// The JSON document `value` encodes to (with the shared schema JSON format): the model
    /// card keeps the fitted feature parameters in one, so the card's format does not change
    /// with the parameters' Swift type.
    ///
    /// - Throws: ``RegistryError/Code/invalidDocument`` when `value` cannot be encoded.
    public init(encoding value: some Encodable) throws(RegistryError) {
        do {
            let data = try SchemaJSON.makeEncoder().encode(value)
            self = try SchemaJSON.decode(JSONValue.self, from: data)
        } catch {
            throw RegistryError(.invalidDocument, reason: "cannot encode as JSON: \(error)", input: "\(type(of: value))")
        }
    }

    /// The document decoded as `type`.
    ///
    /// - Throws: ``RegistryError/Code/invalidDocument`` when the document is not a `type`.
    public func decode<Value: Decodable>(as type: Value.Type) throws(RegistryError) -> Value {
        do {
            let data = try SchemaJSON.makeEncoder().encode(self)
            return try SchemaJSON.decode(type, from: data)
        } catch {
            throw RegistryError(.invalidDocument, reason: "cannot decode the JSON document: \(error)", input: "\(type)")
        }
    }
}
