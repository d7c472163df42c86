import Schema

/// Where canonical homes are loaded, with the history of their changes.
///
/// Upserts are idempotent: storing a home equal to the stored one (ignoring
/// ``Schema/Home/normalizedAt``) changes nothing, so replaying raw records leaves the warehouse
/// as it was. The warehouse numbers every home's versions (``Schema/Home/version``): each
/// change, retirement or return stores the next number, and every home read back carries the
/// number of the version read. SQLite implements it by default (``SQLiteWarehouse``), PostgreSQL for the cluster
/// (`PostgresWarehouse`).
public protocol Warehouse: Sendable {
    /// Inserts or updates a home; a retired home id comes back to life. The home's own
    /// ``Schema/Home/version`` is ignored: the outcome says which version it was stored as.
    @discardableResult
    func upsert(_ home: Home) throws(NormalizationError) -> UpsertOutcome
    /// The current version of a home, retired or not.
    func home(id: String) throws(NormalizationError) -> Home?
    /// Every home not retired, by id.
    func homes() throws(NormalizationError) -> [Home]
    /// The homes retired straight into `survivor` (``retire(homeId:mergedInto:)``), as stored
    /// (``Schema/Home/retiredInto`` set), by id.
    func homes(retiredInto survivor: String) throws(NormalizationError) -> [Home]
    /// Every version of a home, oldest first.
    func history(ofHome id: String) throws(NormalizationError) -> [HomeRevision]
    /// Marks a home as merged into another (a new version, unless it already was) and returns
    /// it as stored then, ``Schema/Home/retiredInto`` set; `nil` when no such home is stored.
    @discardableResult
    func retire(homeId: String, mergedInto survivor: String) throws(NormalizationError) -> Home?
}
