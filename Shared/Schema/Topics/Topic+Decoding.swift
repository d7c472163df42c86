import Foundation

extension Topic {
    /// Decodes a record value of this topic into its ``messageType``.
    ///
    /// For code that handles any topic generically, such as `homeprice tail`; services that
    /// know their type call ``SchemaMessage/decode(from:)`` on it directly.
    ///
    /// - Parameter data: The record value.
    /// - Returns: The decoded message, whose dynamic type is ``messageType``.
    /// - Throws: ``SchemaError`` as ``SchemaMessage/decode(from:)`` does.
    public func decodeMessage(from data: Data) throws(SchemaError) -> any SchemaMessage {
        try Self.decode(messageType, from: data)
    }

    private static func decode<Message: SchemaMessage>(
        _ type: Message.Type,
        from data: Data
    ) throws(SchemaError) -> any SchemaMessage {
        try type.decode(from: data)
    }
}
