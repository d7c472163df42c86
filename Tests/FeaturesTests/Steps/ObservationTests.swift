import Features
import Foundation
import Testing

@Suite("Observation dates")
struct ObservationTests {
    @Test(
        "year and month are taken in UTC whatever the offset the date was written with",
        arguments: [
            ("2023-12-31T23:30:00Z", 2023, 12),
            ("2024-01-01T00:00:00Z", 2024, 1),
            ("2023-12-31T23:30:00-05:00", 2024, 1),
            ("2024-03-01T01:00:00+02:00", 2024, 2),
            ("1970-01-01T00:00:00Z", 1970, 1),
        ])
    func utcYearAndMonth(text: String, year: Int, month: Int) {
        let observation = Observation(Fixtures.date(text))
        #expect(observation.year == year)
        #expect(observation.month == month)
    }

    @Test("extreme dates still give a year and a month in range")
    func extremeDates() {
        for date in [Date.distantPast, Date.distantFuture, Date(timeIntervalSince1970: -1e11), Date(timeIntervalSince1970: 1e11)] {
            #expect((1...12).contains(Observation(date).month))
        }
    }
}
