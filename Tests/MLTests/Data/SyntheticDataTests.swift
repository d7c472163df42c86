import Testing

@testable import ML

@Suite("Synthetic data")
struct SyntheticDataTests {
    @Test("Row 0 and the first three targets match the reference values of synthetic.md")
    func referenceRows() {
        let data = SyntheticData.dataset(rows: 0..<3)
        let expected: [Double] = [
            0.7415648787718233, 0.1599103928769201, 0.27860113025513866, 0.34419071652363753,
            0.03803016854024621, 0.8682280765465323, 0.21840519371218436, 0.8006318767135033,
            0.3399310389170206, 0.6184820663561348, -0.5774257321687655, -0.22278436059365614,
            -1.614998901636634, 0.43865075833292444, -0.4124077002071074, 0.6100922907051762,
            1.8520263351441928, 1.5395347936720158, -0.8388459454142674, -0.7615501684485722, 5, 15,
        ]
        #expect(data.row(0) == expected)
        #expect(data.target! == [1.722288898839776, 0.5093292229928517, 5.748576069783548])
    }

    @Test("A range deep in the stream equals the same rows generated from the start")
    func rangesAgree() {
        let whole = SyntheticData.dataset(rows: 0..<70_000)
        let part = SyntheticData.dataset(rows: 65_530..<65_540)
        for i in 0..<10 {
            #expect(part.row(i) == whole.row(65_530 + i))
            #expect(part.target![i] == whole.target![65_530 + i])
        }
    }

    @Test("The 1M training rows have the reference sum, mean, deviation and range")
    func aggregates() {
        var sum = 0.0, squares = 0.0, low = Double.infinity, high = -Double.infinity
        var start = 0
        while start < SyntheticData.trainingRows {
            let y = SyntheticData.dataset(rows: start..<(start + 100_000)).target!
            for v in y {
                sum += v
                squares += v * v
                low = min(low, v)
                high = max(high, v)
            }
            start += 100_000
        }
        let n = Double(SyntheticData.trainingRows)
        let mean = sum / n
        #expect(abs(sum - 2_750_641.5275502871) < 1e-6)
        #expect(abs(mean - 2.7506415276) < 1e-9)
        #expect(abs((squares / n - mean * mean).squareRoot() - 2.0817289143) < 1e-8)
        #expect(abs(low - -7.308623) < 1e-6)
        #expect(abs(high - 12.571473) < 1e-6)
    }
}
