import Foundation
import Schema

extension ReviewTask {
    /// One line for `review list`: id, kind, status, creator and the question.
    var listLine: String {
        "\(taskId)  \(kind.rawValue)  \(status.rawValue)  \(createdBy)  \(summary)"
    }

    /// Every field for `review show`, one per line.
    var detailText: String {
        var lines = [
            "task      \(taskId)", "kind      \(kind.rawValue)", "status    \(status.rawValue)", "question  \(summary)",
            "subjects  \(subjectIds.joined(separator: ", "))", "created   \(createdBy) at \(Self.time(createdAt))",
        ]
        lines += details.sorted { $0.key < $1.key }.map { "evidence  \($0.key): \($0.value)" }
        if let resolvedBy { lines.append("decided   \(resolvedBy) at \(resolvedAt.map(Self.time) ?? "-")") }
        if let resolutionNote { lines.append("note      \(resolutionNote)") }
        return lines.joined(separator: "\n")
    }

    private static func time(_ date: Date) -> String {
        ISO8601DateFormatter.string(from: date, timeZone: .gmt, formatOptions: [.withInternetDateTime])
    }
}
