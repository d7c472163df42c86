import Testing

@testable import ML

@Suite("Bin mapper")
struct BinMapperTests {
    @Test("Few distinct values each get a bin, missing values bin 0")
    func distinctValues() {
        let mapper = BinMapper(values: [1, 2, 2, 3, 3, 3, .nan], kind: .numeric, maxBins: 255, minDataInBin: 1)
        #expect(mapper.thresholds == [1.5, 2.5])
        #expect([1, 2, 3, .nan, 100, -5].map(mapper.bin) == [1, 2, 3, 0, 3, 1])
    }

    @Test("Many values are cut into at most the bin limit, and a threshold falls in its own bin")
    func quantiles() {
        let values = (0..<10_000).map { Double($0) / 7 }
        let mapper = BinMapper(values: values, kind: .numeric, maxBins: 16, minDataInBin: 3)
        #expect(mapper.binCount <= 17)
        for (i, t) in mapper.thresholds.enumerated() {
            #expect(Int(mapper.bin(t)) == i + 1)
            #expect(Int(mapper.bin(t.nextUp)) == i + 2)
        }
    }

    @Test("Categorical levels keep their own bins; unknown codes are missing")
    func categorical() {
        let mapper = BinMapper(values: [0, 1, 2, 2], kind: .categorical, levelCount: 3, maxBins: 255, minDataInBin: 1)
        #expect([0, 1, 2, 7, -1, .nan].map(mapper.bin) == [1, 2, 3, 0, 0, 0])
    }
}
