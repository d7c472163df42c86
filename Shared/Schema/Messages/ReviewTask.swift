import Foundation

/// A decision the machine leaves to a human: an ambiguous duplicate, a low-confidence
/// prediction, a model awaiting approval.
///
/// Published on ``Topic/reviewTasks`` keyed by ``taskId``: first as ``ReviewStatus/open`` by
/// the normalizer, server or trainer, then again with the decision by the CLI or dashboard.
/// The latest message per task id is its current state.
public struct ReviewTask: SchemaMessage {
    /// Version 1.
    public static let currentSchemaVersion = 1

    /// ``Topic/reviewTasks``.
    public static let topic = Topic.reviewTasks

    /// The schema version the producer wrote.
    public var schemaVersion: Int

    /// The unique id of the task.
    public var taskId: String

    /// Why a human is asked.
    public var kind: ReviewTaskKind

    /// What the task is about: home ids or record keys for duplicates, a prediction id, a
    /// `model:version` pair.
    public var subjectIds: [String]

    /// A one-line question for the reviewer.
    public var summary: String

    /// Evidence for the reviewer, for example `["similarity": "0.83"]`.
    public var details: [String: String]

    /// The service that created the task.
    public var createdBy: String

    /// When the task was created.
    public var createdAt: Date

    /// Where the task stands.
    public var status: ReviewStatus

    /// Who decided, once decided: `user:<name>`.
    public var resolvedBy: String?

    /// When it was decided.
    public var resolvedAt: Date?

    /// The reviewer's note on the decision.
    public var resolutionNote: String?

    /// The task id.
    public var key: String { taskId }

    /// Creates a review task.
    ///
    /// - Parameters:
    ///   - taskId: The unique id of the task.
    ///   - kind: Why a human is asked.
    ///   - subjectIds: What the task is about.
    ///   - summary: A one-line question for the reviewer.
    ///   - details: Evidence for the reviewer.
    ///   - createdBy: The service that created the task.
    ///   - createdAt: When the task was created.
    ///   - status: Where the task stands; open by default.
    ///   - resolvedBy: Who decided.
    ///   - resolvedAt: When it was decided.
    ///   - resolutionNote: The reviewer's note.
    ///   - schemaVersion: The schema version; defaults to the current one.
    public init(
        taskId: String,
        kind: ReviewTaskKind,
        subjectIds: [String],
        summary: String,
        details: [String: String] = [:],
        createdBy: String,
        createdAt: Date,
        status: ReviewStatus = .open,
        resolvedBy: String? = nil,
        resolvedAt: Date? = nil,
        resolutionNote: String? = nil,
        schemaVersion: Int = ReviewTask.currentSchemaVersion
    ) {
        self.schemaVersion = schemaVersion
        self.taskId = taskId
        self.kind = kind
        self.subjectIds = subjectIds
        self.summary = summary
        self.details = details
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.status = status
        self.resolvedBy = resolvedBy
        self.resolvedAt = resolvedAt
        self.resolutionNote = resolutionNote
    }
}
