import Foundation
import Schema
import Testing

@Suite("Review task decisions")
struct ReviewTaskDecisionTests {
    private let task = ReviewTask(
        taskId: "t1", kind: .modelAwaitingApproval, subjectIds: ["homeprice-us:7"], summary: "Promote version 7?",
        createdBy: "trainer", createdAt: Date(timeIntervalSince1970: 0))

    @Test("an open task resolves with the decision, the reviewer, the time and the note")
    func resolvesOpenTask() throws {
        let at = Date(timeIntervalSince1970: 100)
        let decided = try #require(task.resolved(as: .approved, by: "ana", note: "looks good", at: at))
        #expect(decided.status == .approved && decided.resolvedBy == "user:ana" && decided.resolvedAt == at)
        #expect(decided.resolutionNote == "looks good" && decided.taskId == "t1" && decided.summary == task.summary)
    }

    @Test("a decided task is not decided again")
    func refusesDecidedTask() throws {
        let decided = try #require(task.resolved(as: .rejected, by: "ana", note: nil, at: Date()))
        #expect(decided.resolved(as: .approved, by: "bo", note: nil, at: Date()) == nil)
    }
}
