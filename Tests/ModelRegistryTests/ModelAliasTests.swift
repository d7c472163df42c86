import ModelRegistry
import Testing

@Suite("Model aliases")
struct ModelAliasTests {
    @Test("Champion and challenger are distinct aliases")
    func championAndChallengerDiffer() {
        #expect(ModelAlias.champion != ModelAlias.challenger)
    }
}
