import Foundation
import Pipeline
import ServiceSupport
import TestSupport
import Testing

@testable import HomePriceCLI

#if canImport(Glibc)
    import Glibc
#endif

@Suite("The SwiftNIO reference of bench serve", .timeLimit(.minutes(5)))
struct FixedAnswerServerTests {
    private static let body = #"{"predictionId":"p-1","value":181500,"currency":"USD"}"#

    @Test("answers every request, whatever its method and path, with 200 and the fixed body, and stops listening when cancelled")
    func answersTheFixedBody() async throws {
        let port = LocalPort.free()
        let server = Task { try await FixedAnswerServer(body: Array(Self.body.utf8), threads: 2).run(port: port) }
        defer { server.cancel() }
        let url = "http://127.0.0.1:\(port)"
        let health = try await Self.firstAnswer(url: "\(url)/health")
        #expect(health.status == 200 && String(decoding: health.body, as: UTF8.self) == Self.body)
        let prediction = try await BenchHTTP.send("POST", "\(url)/v1/predictions", body: Data(#"{"home":{}}"#.utf8))
        #expect(prediction.status == 200 && String(decoding: prediction.body, as: UTF8.self) == Self.body)

        server.cancel()
        try await server.value
        #expect(!LocalPort.isAccepting(port), "nothing listens once the task is cancelled")
    }

    @Test(
        "keeps an HTTP/1.1 connection open for pipelined requests, and answers an HTTP/1.0 request without keep-alive in HTTP/1.0, then closes"
    )
    func keepAliveAndClose() async throws {
        let port = LocalPort.free()
        let server = Task { try await FixedAnswerServer(body: Array(Self.body.utf8), threads: 1).run(port: port) }
        defer { server.cancel() }
        _ = try await Self.firstAnswer(url: "http://127.0.0.1:\(port)/health")
        let executor = BlockingExecutor(label: "homeprice.tests.raw-http")

        let pipelined = try await executor.run {
            try Self.exchange(
                port: port,
                request: "POST /v1/predictions HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}"
                    + "GET /health HTTP/1.1\r\nHost: x\r\n\r\n",
                until: { $0.components(separatedBy: Self.body).count == 3 })
        }
        #expect(pipelined.text.components(separatedBy: "HTTP/1.1 200 OK").count == 3, "two answers on one connection: \(pipelined.text)")
        #expect(!pipelined.closed, "an HTTP/1.1 connection stays open")

        let old = try await executor.run {
            try Self.exchange(port: port, request: "GET /health HTTP/1.0\r\n\r\n", until: { _ in false })
        }
        #expect(old.text.hasPrefix("HTTP/1.0 200 OK") && old.text.hasSuffix(Self.body), "\(old.text)")
        #expect(old.closed, "an HTTP/1.0 request without keep-alive ends its connection")
    }

    /// The first answer of `url`, once the server listens (bounded).
    private static func firstAnswer(url: String) async throws -> (status: Int, body: Data) {
        try await withDeadline(.seconds(120), waitingFor: "the NIO reference to answer") {
            while true {
                if let answer = try? await BenchHTTP.send("GET", url) { return answer }
                try await Task.sleep(for: .milliseconds(20))
            }
        }
    }

    /// Sends `request` on a new connection to 127.0.0.1:`port` and reads until `done` holds for
    /// what arrived or the server closes the connection (each read waits at most 10 s).
    private static func exchange(port: Int, request: String, until done: (String) -> Bool) throws -> (text: String, closed: Bool) {
        guard let descriptor = LocalPort.connection(to: port) else { throw POSIXError(.ECONNREFUSED) }
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let bytes = Array(request.utf8)
        guard send(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { throw POSIXError(.EIO) }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(descriptor, &chunk, chunk.count, 0)
            if count == 0 { return (String(decoding: received, as: UTF8.self), true) }
            guard count > 0 else { throw POSIXError(.ETIMEDOUT) }
            received += chunk[0..<count]
            let text = String(decoding: received, as: UTF8.self)
            if done(text) { return (text, false) }
        }
    }
}
