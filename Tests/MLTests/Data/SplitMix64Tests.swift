import Testing

@testable import ML

@Suite("SplitMix64")
struct SplitMix64Tests {
    @Test("Seed 1234567 gives the textbook first output")
    func textbookOutput() {
        var generator = SplitMix64(seed: 1_234_567)
        #expect(generator.next() == 6_457_827_717_110_365_317)
    }

    @Test("Seed 42 gives the check outputs and uniforms of synthetic.md")
    func seed42() {
        var generator = SplitMix64(seed: 42)
        #expect(generator.next() == 0xbdd7_3226_2feb_6e95)
        #expect(generator.next() == 0x28ef_e333_b266_f103)
        #expect(generator.next() == 0x4752_6757_130f_9f52)
        var uniforms = SplitMix64(seed: 42)
        #expect(uniforms.nextUniform() == 0.7415648787718233)
        #expect(uniforms.nextUniform() == 0.1599103928769201)
        #expect(uniforms.nextUniform() == 0.27860113025513866)
    }

    @Test("Skipping ahead lands on the same output as stepping")
    func skipping() {
        var stepped = SplitMix64(seed: 42)
        for _ in 0..<1000 { _ = stepped.next() }
        var jumped = SplitMix64(seed: 42, skipping: 1000)
        #expect(stepped.next() == jumped.next())
    }
}
