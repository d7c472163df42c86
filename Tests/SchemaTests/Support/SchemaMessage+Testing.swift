import Schema

extension SchemaMessage {
    /// This message after an encode → decode trip through the shared JSON format.
    func roundTripped() throws -> Self {
        try Self.decode(from: encoded())
    }

    /// Whether `other` has this message's type and equals it.
    func isEqual(to other: any SchemaMessage) -> Bool {
        (other as? Self) == self
    }
}
