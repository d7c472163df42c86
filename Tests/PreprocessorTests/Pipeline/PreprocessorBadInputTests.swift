import Schema
import TestSupport
import Testing

@Suite("Preprocessor against bad input on the topic it reads", .timeLimit(.minutes(15)))
struct PreprocessorBadInputTests {
    @Test(
        "malformed, future-version and oversized messages on homes.normalized are dead-lettered by preprocessing with their reasons; the next home still becomes a row"
    )
    func badInputIsDeadLetteredAndTheStreamGoesOn() async throws {
        let good = Homes.known[0]
        try await PreprocessorRun.with { run in
            var bad = BadInput()
            try await bad.publish(like: good, keyPrefix: "fuzz", to: run.bootstrapServers)
            try await bad.expectDeadLettered(by: .preprocessing, on: run.bootstrapServers)
            _ = try await waitForMessages(FeatureRow.self, on: run.bootstrapServers, until: "the good home's row") {
                $0.contains { $0.homeId == good.id }
            }
        }
    }
}
