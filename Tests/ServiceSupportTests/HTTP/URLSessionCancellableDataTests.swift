import Foundation
import ServiceSupport
import Synchronization
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

    @Test(
        "a request cancelled while the server is still answering ends with URLError.cancelled at once, without its answer",
        .timeLimit(.minutes(1)))
    func cancelledWhileWaiting() async throws {
        let (arrived, arrival) = AsyncStream.makeStream(of: Void.self)
        let server = try LocalHTTPServer { _ in
            arrival.yield()
            return HTTPResponse(status: 200, body: Data("too late".utf8), delay: .seconds(30))
        }
        defer { server.stop() }

        let request = Task { try await URLSession.shared.cancellableData(from: server.baseURL.appendingPathComponent("slow")) }
        for await _ in arrived { break }
        let clock = ContinuousClock()
        let cancelledAt = clock.now
        request.cancel()
        let error = try await #require(throws: URLError.self) { try await request.value }
        let waited = clock.now - cancelledAt
        #expect(error.code == .cancelled)
        #expect(waited < .seconds(10), "the caller waited \(waited) of the server's 30 s")
    }

    @Test("a call made by a cancelled task sends nothing")
    func cancelledBeforeStart() async throws {
        let paths = Mutex<[String]>([])
        let server = try LocalHTTPServer { request in
            paths.withLock { $0.append(request.path) }
            return .text("ok\n")
        }
        defer { server.stop() }
        let request = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await URLSession.shared.cancellableData(from: server.baseURL.appendingPathComponent("never"))
        }
        let error = try await #require(throws: URLError.self) { try await request.value }
        #expect(error.code == .cancelled)

        // A request sent after it is answered after it: had the cancelled one gone out, the
        // server would have seen it first.
        _ = try await URLSession.shared.cancellableData(from: server.baseURL.appendingPathComponent("after"))
        #expect(paths.withLock { $0 } == ["/after"])
    }

    /// The races of swift-corelibs-foundation: a cancellation arriving while the response
    /// completes. `data(for:)` deadlocks there now and then (#5412), and `URLSessionTask.cancel()`
    /// there now and then stops the process. Cancellations are spread from before the request is
    /// sent to after its answer came (up to twice a measured round trip, at most 20 ms, so a busy
    /// machine does not stretch the run): every request ends, some answered, some cancelled.
    /// The time limit catches a deadlock, which never ends; it is wide because under the whole
    /// suite on two cores the 210 requests alone took over a minute (twice seen, 106 s).
    @Test("hundreds of requests cancelled at every moment of their life all end", .timeLimit(.minutes(15)))
    func cancelledAtEveryMoment() async throws {
        let server = try LocalHTTPServer { _ in .text("ok\n") }
        defer { server.stop() }
        let url = server.baseURL.appendingPathComponent("quick")
        // Never invalidated: a cancelled call's task may still be created after the call has
        // returned, and corelibs stops the process ("Session invalidated") when a task is created
        // on an invalidated session.
        let session = URLSession(configuration: .ephemeral)
        let clock = ContinuousClock()
        var roundTrips: [Duration] = []
        for _ in 0..<5 {
            roundTrips.append(try await clock.measure { _ = try await session.cancellableData(from: url) })
        }
        let roundTrip = min(roundTrips.sorted()[2], .milliseconds(10))

        var answered = 0
        var cancelled = 0
        /// A request cancelled `delay` after it was sent: answered, or cancelled.
        func request(cancelledAfter delay: Duration) async throws {
            let request = Task { try await session.cancellableData(from: url) }
            try await Task.sleep(for: delay)
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
        for attempt in 0..<210 {
            try await request(cancelledAfter: roundTrip * (Double(attempt % 21) / 10))
        }
        // A machine busy enough that every round trip took longer than the spread: later
        // cancellations, until one comes after its answer.
        var delay = roundTrip * 4
        while answered == 0, delay < .seconds(60) {
            try await request(cancelledAfter: delay)
            delay *= 2
        }
        #expect(answered > 0, "no request was answered before its cancellation: \(cancelled) cancelled")
        #expect(cancelled > 0, "no cancellation came before an answer: \(answered) answered")
    }
}
