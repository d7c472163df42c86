import Foundation
import ServiceSupport
import TestSupport
import Testing

@testable import HomePriceCLI

@Suite("The SwiftNIO reference of bench serve", .timeLimit(.minutes(5)))
struct FixedAnswerServerTests {
    @Test("answers every request, whatever its method and path, with 200 and the fixed body, and stops listening when cancelled")
    func answersTheFixedBody() async throws {
        let body = Array(#"{"predictionId":"p-1","value":181500,"currency":"USD"}"#.utf8)
        let port = LocalPort.free()
        let server = Task { try await FixedAnswerServer(body: body, threads: 2).run(port: port) }
        let url = "http://127.0.0.1:\(port)"
        let health = try await withDeadline(.seconds(120), waitingFor: "the NIO reference to answer") {
            while true {
                if let answer = try? await BenchHTTP.send("GET", "\(url)/health") { return answer }
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        #expect(health.status == 200 && Array(health.body) == body)
        for _ in 0..<3 {
            let prediction = try await BenchHTTP.send("POST", "\(url)/v1/predictions", body: Data(#"{"home":{}}"#.utf8))
            #expect(prediction.status == 200 && Array(prediction.body) == body, "keep-alive answers after the first")
        }

        server.cancel()
        try await server.value
        #expect(!LocalPort.isAccepting(port), "nothing listens once the task is cancelled")
    }
}
