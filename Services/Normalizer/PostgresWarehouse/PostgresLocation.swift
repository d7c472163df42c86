import Foundation
import NormalizerCore
import PostgresNIO

/// Where a PostgreSQL warehouse lives, read from a URL
/// `postgres://user[:password]@host[:port]/database` (`normalizer.warehousePostgresURL`).
///
/// The connection is not encrypted: the warehouse is meant for a private network (the compose
/// cluster's, a test's loopback).
public struct PostgresLocation: Sendable, CustomStringConvertible {
    /// The server's host name or address.
    public let host: String
    /// The server's port (5432 unless the URL says otherwise).
    public let port: Int
    /// The user name.
    public let user: String
    /// The password, if the URL has one.
    public let password: String?
    /// The database.
    public let database: String

    /// Reads `url`.
    /// - Throws: ``NormalizationError/Code/invalidConfiguration`` naming the URL (without its
    ///   password) and what is missing.
    public init(url: String) throws(NormalizationError) {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme ?? "") else {
            throw NormalizationError(
                .invalidConfiguration, reason: "not a postgres://user@host/database URL", input: Self.redacted(url))
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard let host = components.host, !host.isEmpty, let user = components.user, !user.isEmpty, !database.isEmpty else {
            throw NormalizationError(
                .invalidConfiguration, reason: "the URL needs a user, a host and a database", input: Self.redacted(url))
        }
        self.host = host
        self.port = components.port ?? 5432
        self.user = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database
    }

    /// The URL without its password, for logs and errors.
    public var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)"
    }

    /// postgres-nio's configuration of a connection to this location.
    var configuration: PostgresConnection.Configuration {
        PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database, tls: .disable)
    }

    /// `url` with its credentials replaced by `***` when it has any; an unparsable URL keeps
    /// only its scheme and what follows its last `@`, so a password never shows.
    private static func redacted(_ url: String) -> String {
        if var components = URLComponents(string: url) {
            guard components.password != nil else { return url }
            components.password = "***"
            if let text = components.string { return text }
        }
        guard let at = url.lastIndex(of: "@") else { return url.contains(":") ? "***" : url }
        let scheme = url.range(of: "://").map { String(url[..<$0.upperBound]) } ?? ""
        return scheme + "***" + url[at...]
    }
}
