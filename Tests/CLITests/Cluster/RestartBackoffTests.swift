import Testing

@testable import HomePriceCLI

@Suite("Restart back-off")
struct RestartBackoffTests {
    @Test("doubles per crash in a row up to the maximum, and starts over after a stable run")
    func doublesThenResetsAfterStableRun() {
        var backoff = RestartBackoff(initialMilliseconds: 500, maximumMilliseconds: 3_000, stableAfterMilliseconds: 60_000)
        let quickCrashes = (0..<5).map { _ in backoff.delay(for: "normalizer", ranMilliseconds: 200) }
        #expect(quickCrashes == [500, 1_000, 2_000, 3_000, 3_000])
        #expect(backoff.delay(for: "crawler", ranMilliseconds: 10) == 500, "each service has its own delay")
        #expect(backoff.delay(for: "normalizer", ranMilliseconds: 120_000) == 500, "a stable run resets the delay")
        #expect(backoff.delay(for: "normalizer", ranMilliseconds: 100) == 1_000)
    }
}
