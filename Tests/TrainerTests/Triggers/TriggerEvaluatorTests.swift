import Foundation
import Schema
import Testing
import TrainerCore

@Suite("Training triggers")
struct TriggerEvaluatorTests {
    /// 2026-11-30 is a Monday.
    private func berlin(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin")!
        return calendar.date(from: DateComponents(year: 2026, month: 11, day: day, hour: hour, minute: minute))!
    }

    private func labelled(_ count: Int, region: String = "DE") -> [FeatureRow] {
        (0..<count).map {
            FeatureRow(
                homeId: "\(region)-\($0)", region: region, featureSchemaVersion: 1, features: [:], target: 100, currency: "EUR",
                labelDate: Date(timeIntervalSince1970: 0), computedAt: Date(timeIntervalSince1970: 0))
        }
    }

    @Test("the weekly slot is Monday 02:00 in the region's own time zone")
    func weeklySlotInTheRegionsTimeZone() async throws {
        let fixture = try await TrainerFixture()
        defer { fixture.remove() }
        let schedule = fixture.configuration.schedule
        let zone = TimeZone(identifier: "Europe/Berlin")!
        #expect(schedule.latestSlot(atOrBefore: berlin(30, 2, 0), in: zone) == berlin(30, 2, 0), "a slot exactly now counts")
        #expect(schedule.latestSlot(atOrBefore: berlin(30, 1, 59), in: zone) == berlin(23, 2, 0))
        let nextWeek = berlin(30, 2, 0) + 7 * 86_400
        #expect(schedule.latestSlot(atOrBefore: nextWeek + 3_600, in: zone) == nextWeek)
    }

    @Test("the schedule fires once per missed slot, never on a first start")
    func scheduleFiresOncePerSlot() async throws {
        let fixture = try await TrainerFixture()
        defer { fixture.remove() }
        let evaluator = TriggerEvaluator(configuration: fixture.configuration)
        var state = TrainerState()
        #expect(evaluator.due(state: state, now: berlin(30, 3)).isEmpty, "a fresh trainer does not train for a past slot")
        state.lastScheduledSlot["DE"] = evaluator.latestSlot(region: "DE", now: berlin(29, 12))
        #expect(evaluator.due(state: state, now: berlin(30, 1, 59)).isEmpty)
        let due = evaluator.due(state: state, now: berlin(30, 2, 1))
        #expect(due.map(\.region) == ["DE"])
        #expect(due.first?.trigger.kind == .schedule)
        state.lastScheduledSlot["DE"] = evaluator.latestSlot(region: "DE", now: berlin(30, 2, 1))
        #expect(evaluator.due(state: state, now: berlin(30, 23)).isEmpty, "the same slot does not fire twice")
    }

    @Test("enough new labelled homes trigger once the stream is quiet; fewer do not")
    func volumeTriggersAfterTheStreamSettles() async throws {
        var fixture = try await TrainerFixture()
        defer { fixture.remove() }
        fixture.configuration.volumeThreshold = 50
        fixture.configuration.settle = .seconds(10)
        let evaluator = TriggerEvaluator(configuration: fixture.configuration)
        var state = TrainerState()
        let arrival = Date(timeIntervalSince1970: 1_000_000)
        for row in labelled(49) { state.store.apply(row, at: arrival) }
        #expect(evaluator.due(state: state, now: arrival + 60).isEmpty)
        for row in labelled(60).suffix(11) { state.store.apply(row, at: arrival) }
        #expect(evaluator.due(state: state, now: arrival + 5).isEmpty, "still arriving")
        #expect(evaluator.due(state: state, now: arrival + 11).map(\.trigger.kind) == [.volume])
        state.trainedThrough["DE"] = state.store.sequence
        #expect(evaluator.due(state: state, now: arrival + 60).isEmpty, "nothing new since the last training")
    }

    @Test("a retrain command comes first and names who asked")
    func commandsComeFirst() async throws {
        let fixture = try await TrainerFixture()
        defer { fixture.remove() }
        let evaluator = TriggerEvaluator(configuration: fixture.configuration)
        var state = TrainerState()
        state.requested["CA"] = "command c-1 by user:ops"
        let due = evaluator.due(state: state, now: Date())
        #expect(due == [TrainingRequest(region: "CA", trigger: .init(kind: .command, detail: "command c-1 by user:ops"))])
        let first = state.remember(command: "c-1")
        let again = state.remember(command: "c-1")
        #expect(first && !again, "a command id is handled once")
    }
}
