import Crawler
import Foundation
import TestSupport
import Testing

@Suite("Per-host politeness")
struct PolitenessTests {
    @Test("robots.txt and every page are spaced by the politeness delay, robots.txt first")
    func robotsGoesThroughTheSchedule() async throws {
        let fixture = try ListingSiteFixture()
        defer { fixture.server.stop() }
        let delay = Duration.milliseconds(120)
        _ = try await fixture.crawl(types: [], politeness: delay)

        let requests = fixture.requests
        #expect(requests.first?.target == "/robots.txt")
        #expect(requests.count >= 5)
        // Requests leave on their slots, one delay apart; the server logs them on arrival, which
        // a busy machine delays by a few milliseconds each. Without the schedule, robots.txt and
        // the first page arrive together.
        for (earlier, later) in zip(requests, requests.dropFirst()) {
            #expect(later.at - earlier.at >= delay / 2, "\(earlier.target) then \(later.target)")
        }
        if let first = requests.first, let last = requests.last {
            #expect(last.at - first.at >= delay * (requests.count - 1) - delay / 2)
        }
    }
}
