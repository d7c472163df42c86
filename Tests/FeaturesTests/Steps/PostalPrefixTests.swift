import Features
import Testing

@Suite("Postal prefixes")
struct PostalPrefixTests {
    @Test(
        "the prefix is the first characters, upper case, without spaces or hyphens",
        arguments: [
            ("94110", 3, "941"), ("02139-4307", 3, "021"), ("K1A 0B1", 3, "K1A"), ("k1a0b1", 3, "K1A"), ("80331", 2, "80"),
            (" 10 115 ", 2, "10"), ("941", 3, "941"),
        ])
    func prefix(code: String, length: Int, expected: String) {
        var issues: [FeatureIssue] = []
        #expect(PostalPrefix.prefix(of: code, length: length, issues: &issues) == expected)
        #expect(issues.isEmpty)
    }

    @Test("an empty code is simply missing", arguments: ["", "   ", "-", " - "])
    func emptyIsMissing(code: String) {
        var issues: [FeatureIssue] = []
        #expect(PostalPrefix.prefix(of: code, length: 3, issues: &issues) == nil)
        #expect(issues.isEmpty)
    }

    @Test(
        "a malformed or short code is missing with an issue",
        arguments: [
            ("9411", 5, FeatureIssue.Reason.tooShort), ("2139", 5, .tooShort), ("94", 3, .tooShort),
            ("９４１１０", 3, .malformed), ("941#0", 3, .malformed), ("Ünter", 2, .malformed), ("80331\u{0}", 2, .malformed),
            ("💥💥💥", 1, .malformed),
        ])
    func rejected(code: String, length: Int, reason: FeatureIssue.Reason) {
        var issues: [FeatureIssue] = []
        #expect(PostalPrefix.prefix(of: code, length: length, issues: &issues) == nil)
        #expect(issues == [FeatureIssue(field: "postalCode", reason: reason, value: code)])
    }
}
