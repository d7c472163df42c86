import Schema

/// A `homes.raw` value that is no raw record this normalizer reads, with its dead letter.
public struct UndecodableRecord: Error, Sendable {
    /// The dead letter naming why the value cannot be decoded.
    public var deadLetter: DeadLetter
}
