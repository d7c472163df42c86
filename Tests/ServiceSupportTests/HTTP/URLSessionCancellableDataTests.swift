import Foundation
import ServiceSupport
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("URLSession.cancellableData: a request that is safe to cancel")
struct URLSessionCancellableDataTests {
    @Test("answers with the body and the response, as data(for:) does")
    func answers() async throws {
        let server = try LocalHTTPServer { request in
            request.method == "POST"
                ? HTTPResponse(status: 201, body: request.body) : .text("got \(request.path)\n")
        }
        defer { server.stop() }

        let (page, response) = try await URLSession.shared.cancellableData(from: server.baseURL.appendingPathComponent("page"))
        #expect(String(decoding: page, as: UTF8.self) == "got /page\n")
        #expect((response as? HTTPURLResponse)?.statusCode == 200)

        var post = URLRequest(url: server.baseURL.appendingPathComponent("echo"))
        post.httpMethod = "POST"
        post.httpBody = Data("a body".utf8)
        let (echoed, created) = try await URLSession.shared.cancellableData(for: post)
        #expect(String(decoding: echoed, as: UTF8.self) == "a body")
        #expect((created as? HTTPURLResponse)?.statusCode == 201)
    }

    @Test("a request cancelled while the server is still answering ends with URLError.cancelled, without its answer")
    func cancelledWhileWaiting() async throws {
        let (arrived, arrival) = AsyncStream.makeStream(of: Void.self)
        let server = try LocalHTTPServer { _ in
            arrival.yield()
            return HTTPResponse(status: 200, body: Data("too late".utf8), delay: .seconds(5))
        }
        defer { server.stop() }

        let request = Task { try await URLSession.shared.cancellableData(from: server.baseURL.appendingPathComponent("slow")) }
        for await _ in arrived { break }
        request.cancel()
        let error = try await #require(throws: URLError.self) { try await request.value }
        #expect(error.code == .cancelled)
    }

    @Test("a request cancelled before it started never reaches the server")
    func cancelledBeforeStart() async throws {
        let trap = try ConnectionTrap()
        let url = try #require(URL(string: trap.url("never")))
        let request = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await URLSession.shared.cancellableData(from: url)
        }
        let error = try await #require(throws: URLError.self) { try await request.value }
        #expect(error.code == .cancelled)
        #expect(trap.connections() == 0)
    }

    /// The races of swift-corelibs-foundation: a cancellation arriving while the response
    /// completes. `data(for:)` deadlocks there now and then (#5412), and `URLSessionTask.cancel()`
    /// there now and then stops the process; every request here must end, answered or cancelled.
    @Test("hundreds of requests cancelled at every moment of their life all end", .timeLimit(.minutes(1)))
    func cancelledAtEveryMoment() async throws {
        let server = try LocalHTTPServer { _ in .text("ok\n") }
        defer { server.stop() }
        let url = server.baseURL.appendingPathComponent("quick")

        var answered = 0
        var cancelled = 0
        for attempt in 0..<400 {
            let request = Task { try await URLSession.shared.cancellableData(from: url) }
            for _ in 0..<(attempt % 50) { await Task.yield() }
            request.cancel()
            do {
                let (body, _) = try await request.value
                #expect(String(decoding: body, as: UTF8.self) == "ok\n")
                answered += 1
            } catch let error as URLError {
                #expect(error.code == .cancelled)
                cancelled += 1
            }
        }
        #expect(answered + cancelled == 400)
        #expect(cancelled > 0)
    }
}
