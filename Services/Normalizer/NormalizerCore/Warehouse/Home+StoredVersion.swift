import Schema

extension Home {
    /// The home as a warehouse stores its body: without ``Schema/Home/version``, which the
    /// warehouse keeps in a column of its own, so comparing two bodies compares contents alone.
    public var withoutVersion: Home {
        var home = self
        home.version = nil
        return home
    }

    /// The home with `version` as its ``Schema/Home/version``: a stored body read back with
    /// the number its row holds.
    public func numbered(_ version: Int64?) -> Home {
        var home = self
        home.version = version.map { Int($0) }
        return home
    }
}
