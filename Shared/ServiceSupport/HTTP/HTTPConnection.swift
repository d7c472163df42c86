import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One accepted connection: reads a request, answers it, closes.
struct HTTPConnection {
    let socket: Int32
    private static let maximumHeaderBytes = 64 * 1024
    private static let headerEnd = Data("\r\n\r\n".utf8)

    func serve(with handler: @Sendable (HTTPRequest) -> HTTPResponse) {
        defer { close(socket) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let request = readRequest() else {
            write(.text("bad request\n", status: 400))
            return
        }
        let response = handler(request)
        if response.delay > .zero {
            let (seconds, attoseconds) = response.delay.components
            Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) * 1e-18)
        }
        write(response, includeBody: request.method != "HEAD")
    }

    private func readRequest() -> HTTPRequest? {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while data.range(of: Self.headerEnd) == nil {
            guard data.count < Self.maximumHeaderBytes else { return nil }
            let count = recv(socket, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            data.append(contentsOf: chunk[0..<count])
        }
        guard let end = data.range(of: Self.headerEnd) else { return nil }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count == 3 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[end.upperBound...])
        let expected = headers["content-length"].flatMap(Int.init) ?? 0
        while body.count < expected {
            let count = recv(socket, &chunk, min(chunk.count, expected - body.count), 0)
            guard count > 0 else { return nil }
            body.append(contentsOf: chunk[0..<count])
        }
        return HTTPRequest(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body)
    }

    private func write(_ response: HTTPResponse, includeBody: Bool = true) {
        var head = "HTTP/1.1 \(response.status) \(response.reasonPhrase)\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
        var bytes = Data(head.utf8)
        if includeBody { bytes.append(response.body) }
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let sent = send(socket, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return }
                offset += sent
            }
        }
    }
}
