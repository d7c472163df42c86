import Foundation

/// The configured reviewer's credentials, checked against an HTTP `Authorization: Basic` header.
public struct BasicCredentials: Sendable, Equatable {
    /// The user name.
    public var user: String
    /// The password.
    public var password: String

    /// Creates credentials.
    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    /// Whether `header` (the `Authorization` value) carries these credentials.
    public func accepts(header: String?) -> Bool {
        guard let header, header.hasPrefix("Basic "), let decoded = Data(base64Encoded: String(header.dropFirst(6))) else {
            return false
        }
        let expected = Array("\(user):\(password)".utf8), given = Array(decoded)
        guard expected.count == given.count else { return false }
        // Compare every byte, so the time taken does not reveal how much matched.
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
