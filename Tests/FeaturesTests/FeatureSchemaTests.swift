import Features
import Testing

@Suite("Feature schema")
struct FeatureSchemaTests {
    @Test("The feature set has a positive version")
    func versionIsPositive() {
        #expect(FeatureSchema.version >= 1)
    }
}
