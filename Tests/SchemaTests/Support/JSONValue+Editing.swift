import Foundation
import Schema

/// What the tests do with a JSON document: compare it structurally, edit it before decoding.
///
/// Parsed here with Foundation's `JSONDecoder` (through `JSONValue`'s containers), not the
/// shared fast decoder these tests check; numbers are compared as `Double`, so `612000` and
/// `612000.0` are equal.
extension JSONValue {
    /// Parses JSON text with Foundation's decoder.
    init(parsing data: Data) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// The JSON a message encodes to.
    init(encoding message: some SchemaMessage) throws {
        try self.init(parsing: message.encoded())
    }

    /// The JSON text of this value; whole numbers without a fraction, so `Int` fields decode.
    func data() throws -> Data {
        try SchemaJSONEncoder().encode(self)
    }

    /// The member `key` of an object; `nil` for a missing member or a non-object. Setting
    /// `nil` removes the member.
    subscript(key: String) -> JSONValue? {
        get {
            guard case .object(let members) = self else { return nil }
            return members[key]
        }
        set {
            guard case .object(var members) = self else { return }
            members[key] = newValue
            self = .object(members)
        }
    }

    /// The text of a string, `nil` for anything else.
    var stringValue: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    /// The member names of an object, empty for anything else.
    var keys: Set<String> {
        guard case .object(let members) = self else { return [] }
        return Set(members.keys)
    }
}
