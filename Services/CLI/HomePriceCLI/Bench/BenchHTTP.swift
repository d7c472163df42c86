import Foundation
import ServiceSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The few HTTP calls a serving benchmark makes besides the load: waiting for a process to
/// answer, fetching one answer, the admin calls.
enum BenchHTTP {
    /// Sends one request; the status and the body.
    static func send(
        _ method: String, _ url: String, body: Data? = nil, headers: [String: String] = [:]
    ) async throws -> (status: Int, body: Data) {
        guard let address = URL(string: url) else { throw BenchmarkFailure(reason: "not a URL: \(url)") }
        var request = URLRequest(url: address, timeoutInterval: 10)
        request.httpMethod = method
        request.httpBody = body
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.cancellableData(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    /// Polls `GET url` until it answers 200, or fails after `timeout` (or when `process` exited).
    static func waitUntilAnswering(_ url: String, process: Process, name: String, timeout: Duration = .seconds(120)) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            guard process.isRunning else { throw BenchmarkFailure(reason: "\(name) exited with \(process.terminationStatus) at start") }
            if let (status, _) = try? await send("GET", url), status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchmarkFailure(reason: "\(name) did not answer 200 on \(url) within \(timeout)")
    }
}
