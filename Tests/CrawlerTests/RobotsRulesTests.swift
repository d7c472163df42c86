import Crawler
import Testing

@Suite("robots.txt rules")
struct RobotsRulesTests {
    @Test("the longest matching rule wins and wildcards match")
    func longestRuleWins() {
        let rules = RobotsRules(
            text: "User-agent: *\nDisallow: /search?sort=\nDisallow: /admin/\nAllow: /admin/public\nDisallow: /*.pdf$\n",
            userAgent: "HomePriceCrawler/1.0")
        #expect(rules.allows("/search?page=2"))
        #expect(!rules.allows("/search?sort=price&page=2"))
        #expect(!rules.allows("/admin/edit"))
        #expect(rules.allows("/admin/public/x"))
        #expect(!rules.allows("/files/a.pdf"))
        #expect(rules.allows("/files/a.pdf.html"))
    }
}
