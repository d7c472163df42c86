import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP listener on 127.0.0.1 that serves nothing and only counts who connected: point
/// something at it that must never touch the network (an XML entity, a link) and assert
/// ``connections()`` is zero afterwards. A connection is counted as soon as the kernel has
/// completed it, so no waiting is needed after the code under test returns.
public final class ConnectionTrap: Sendable {
    /// The port listened on.
    public let port: Int
    private let descriptor: Int32

    /// Starts listening on a port the kernel picks.
    public init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard bound, listen(descriptor, 16) == 0, fcntl(descriptor, F_SETFL, O_NONBLOCK) == 0 else {
            close(descriptor)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }

    /// The `http://127.0.0.1:<port>/…` address of `path` on this trap.
    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)/\(path)" }

    /// How many connections were made since the last call (each is accepted and closed).
    public func connections() -> Int {
        var count = 0
        while case let client = accept(descriptor, nil, nil), client >= 0 {
            close(client)
            count += 1
        }
        return count
    }
}
