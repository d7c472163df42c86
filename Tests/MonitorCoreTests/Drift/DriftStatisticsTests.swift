import MonitorCore
import Testing

@Suite("Drift statistics")
struct DriftStatisticsTests {
    @Test("PSI is zero for equal distributions and matches the hand-computed value for a known shift")
    func populationStabilityIndex() {
        #expect(PopulationStabilityIndex.index(reference: [10, 30, 60], live: [1, 3, 6], epsilon: 1e-4) < 1e-12)
        // (0.25 − 0.5)·ln(0.25/0.5) + (0.75 − 0.5)·ln(0.75/0.5), as numpy computes it.
        let value = PopulationStabilityIndex.index(reference: [0.5, 0.5], live: [0.25, 0.75], epsilon: 1e-4)
        #expect(abs(value - 0.2746530721670274) < 1e-12)
    }

    @Test("PSI stays finite when a bin is empty on one side")
    func populationStabilityIndexWithEmptyBin() {
        let value = PopulationStabilityIndex.index(reference: [100, 0], live: [50, 50], epsilon: 1e-4)
        #expect(value.isFinite && value > 2)
    }

    @Test("Jensen–Shannon distance is 0 for equal, 1 for disjoint, and matches scipy for a known pair")
    func jensenShannon() {
        #expect(JensenShannon.distance(reference: [1, 2, 3], live: [2, 4, 6]) < 1e-12)
        #expect(abs(JensenShannon.distance(reference: [1, 0], live: [0, 1]) - 1) < 1e-12)
        // scipy.spatial.distance.jensenshannon([0.5, 0.5], [0.25, 0.75], base=2)
        #expect(abs(JensenShannon.distance(reference: [0.5, 0.5], live: [0.25, 0.75]) - 0.22089576884901735) < 1e-12)
    }

    @Test("Kolmogorov–Smirnov finds no gap between equal distributions and a full gap between disjoint ones")
    func kolmogorovSmirnov() {
        let equal = KolmogorovSmirnov(reference: [100, 200, 300], live: [10, 20, 30])
        #expect(equal.statistic < 1e-12 && equal.pValue == 1)
        let disjoint = KolmogorovSmirnov(reference: [500, 500, 0, 0], live: [0, 0, 500, 500])
        #expect(abs(disjoint.statistic - 1) < 1e-12)
        #expect(disjoint.pValue < 1e-12)
    }

    @Test("the Kolmogorov–Smirnov p-value follows the Kolmogorov distribution (scipy kstwobign)")
    func kolmogorovDistribution() {
        // Large samples: √(n·m/(n+m))·D = 1.36 gives p ≈ 0.0495 (the classic 5 % point).
        let n = 1_000_000.0, effective = (n * n / (2 * n)).squareRoot()
        let gap = 1.36 / effective
        let result = KolmogorovSmirnov(reference: [n * (0.5 + gap), n * (0.5 - gap)], live: [n * 0.5, n * 0.5])
        #expect(abs(result.pValue - 0.049485876755377876) < 1e-3)
    }
}
