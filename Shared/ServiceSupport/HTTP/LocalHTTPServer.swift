import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A minimal HTTP/1.1 server over POSIX sockets: one request per connection, each connection
/// served on a concurrent dispatch queue, the listener on its own thread.
///
/// Chosen over Hummingbird/NIO for the scenario website and the services' metrics endpoints:
/// it builds in seconds instead of minutes on two cores, and they need no more than GET and a
/// small POST, `Content-Length` bodies and `Connection: close`. It is not a public web server.
public final class LocalHTTPServer: Sendable {
    /// The port the server listens on (useful when started on port 0).
    public let port: Int
    /// The host it listens on.
    public let host: String
    private let listener: Int32
    private let isStopped = Mutex(false)

    /// The base URL, for example `http://127.0.0.1:8080`.
    public var baseURL: URL {
        guard let url = URL(string: "http://\(host):\(port)") else { preconditionFailure("host and port form a URL") }
        return url
    }

    /// Starts listening on `host`:`port` (0 picks a free port) and serves every request with
    /// `handler`.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse
    ) throws(ServiceSupportError) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Self.failure("socket", host: host, port: port) }
        var reuse: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(truncatingIfNeeded: port).bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            close(socket)
            throw ServiceSupportError(code: .serverFailed, reason: "the host is not an IPv4 address", input: host)
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(socket, 256) == 0 else {
            let error = Self.failure("bind/listen", host: host, port: port)
            close(socket)
            throw error
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        self.host = host
        self.port = Int(UInt16(bigEndian: address.sin_port))
        listener = socket
        let connections = DispatchQueue(label: "homeprice.http", attributes: .concurrent)
        Thread.detachNewThread { [listener] in
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 {
                    if errno == EINTR { continue }
                    return
                }
                connections.async { HTTPConnection(socket: client).serve(with: handler) }
            }
        }
    }

    /// Stops accepting connections; requests in flight finish.
    public func stop() {
        let first = isStopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    deinit {
        stop()
    }

    private static func failure(_ call: String, host: String, port: Int) -> ServiceSupportError {
        ServiceSupportError(code: .serverFailed, reason: "\(call) failed: \(String(cString: strerror(errno)))", input: "\(host):\(port)")
    }
}
