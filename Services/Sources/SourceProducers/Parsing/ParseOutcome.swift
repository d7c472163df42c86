/// What reading an input gave: records and failures, in input order.
public enum ParseOutcome: Sendable, Equatable {
    /// A good record.
    case record(ParsedRecord)
    /// Input that could not be read as a record.
    case failure(RecordFailure)
}
