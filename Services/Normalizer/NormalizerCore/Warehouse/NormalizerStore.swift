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

    /// Whether ``transaction(inRegion:_:)`` lets another instance's transaction of another
    /// region run at the same time (a store that has one writer at a time says `false`).
    var runsRegionsConcurrently: Bool { get }

    /// Runs `body` in one transaction confined to the records of `region` (a country code:
    /// blocks, and so candidates and clusters, never span countries). No other writer changes
    /// that region's records, clusters, homes and review tasks while `body` runs; writers of
    /// other regions may. `body` stays within the region, or the transaction fails with
    /// ``NormalizationError/Code/outsideRegion`` (a stored version of another region, or a
    /// cluster reaching into one): the caller runs the same work again with
    /// ``transaction(_:)``, which confines nothing.
    func transaction<Value>(inRegion region: String, _ body: () throws(NormalizationError) -> Value) throws(NormalizationError) -> Value
}

extension NormalizerStore {
    /// `false`: one writer at a time.
    public var runsRegionsConcurrently: Bool { false }

    /// The store's one transaction (``transaction(_:)``): it already confines its writers to one
    /// at a time.
    public func transaction<Value>(
        inRegion region: String, _ body: () throws(NormalizationError) -> Value
    ) throws(NormalizationError) -> Value {
        try transaction(body)
    }
}
