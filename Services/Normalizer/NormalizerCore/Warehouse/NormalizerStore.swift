/// The normalizer's one store: the warehouse and the resolution state, changed together in
/// transactions so a crash never leaves half a record applied.
public protocol NormalizerStore: Warehouse, ResolutionStore {
    /// Runs `body` in one transaction: all its writes, or none. No other writer (another task
    /// or another process sharing the store) changes the store while `body` runs, so what
    /// entity resolution reads in it still holds when its writes commit.
    ///
    /// A call inside `body` joins the same transaction (no savepoint). Callers let a nested
    /// call's error end the whole transaction; one caught and ignored still dooms it: the
    /// outermost call rolls everything back and throws.
    func transaction<Value>(_ body: () throws(NormalizationError) -> Value) throws(NormalizationError) -> Value
}
