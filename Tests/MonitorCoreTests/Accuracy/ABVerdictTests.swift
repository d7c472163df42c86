import Foundation
import ML
import MonitorCore
import Testing

@Suite("A/B verdict")
struct ABVerdictTests {
    @Test("Mann–Whitney U matches scipy's asymptotic test with continuity correction")
    func mannWhitneyMatchesScipy() throws {
        let separated = try #require(MannWhitneyU([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]))
        #expect(separated.u == 0)
        #expect(abs(separated.pValue - 0.012185780355344813) < 1e-9)
        let tied = try #require(MannWhitneyU([1, 2, 2, 3, 5, 8], [2, 3, 3, 4, 9, 9, 10]))
        #expect(tied.u == 11)
        #expect(abs(tied.pValue - 0.16936768223501375) < 1e-9)
    }

    /// `count` absolute percentage errors, log-normal around `median` (a real APE's skew).
    private func errors(median: Double, count: Int, seed: UInt64) -> ValueWindow {
        var generator = SplitMix64(seed: seed)
        var window = ValueWindow(capacity: count)
        for _ in 0..<count {
            let u1 = Double.random(in: Double.ulpOfOne..<1, using: &generator), u2 = Double.random(in: 0..<1, using: &generator)
            let normal = (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
            window.add(median * exp(0.8 * normal))
        }
        return window
    }

    @Test("a challenger with errors a quarter smaller is found better, with both sample sizes reported")
    func knownDifference() {
        let verdict = ABVerdict(
            region: "US", champion: errors(median: 0.12, count: 400, seed: 1), challenger: errors(median: 0.09, count: 400, seed: 2),
            alpha: 0.05, minimumSamples: 30)
        print("A/B known difference: p = \(verdict.test?.pValue ?? 1), n = \(verdict.championSamples)/\(verdict.challengerSamples)")
        #expect(verdict.outcome == .challengerBetter)
        #expect(verdict.championSamples == 400 && verdict.challengerSamples == 400)
        let reversed = ABVerdict(
            region: "US", champion: errors(median: 0.09, count: 400, seed: 3), challenger: errors(median: 0.12, count: 400, seed: 4),
            alpha: 0.05, minimumSamples: 30)
        #expect(reversed.outcome == .challengerWorse)
    }

    @Test("equal arms give no verdict in at least 90 of 100 experiments, and tiny arms give none at all")
    func equalArms() {
        var differences = 0
        for seed in 0..<100 {
            let verdict = ABVerdict(
                region: "US", champion: errors(median: 0.1, count: 200, seed: UInt64(2 * seed + 100)),
                challenger: errors(median: 0.1, count: 200, seed: UInt64(2 * seed + 101)), alpha: 0.05, minimumSamples: 30)
            if verdict.outcome != .noDifference { differences += 1 }
        }
        print("A/B equal arms: \(differences) of 100 experiments significant at 5 %")
        #expect(differences <= 10)
        let small = ABVerdict(
            region: "US", champion: errors(median: 0.1, count: 10, seed: 1), challenger: errors(median: 0.5, count: 10, seed: 2),
            alpha: 0.05, minimumSamples: 30)
        #expect(small.outcome == .insufficientData && small.test == nil)
    }
}
