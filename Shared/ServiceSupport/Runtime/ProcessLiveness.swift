import Foundation

/// Whether a process is alive, from `/proc`: a process that has exited but is not yet reaped
/// (a zombie) is not alive, although `kill(pid, 0)` still succeeds for it.
public enum ProcessLiveness {
    /// Whether `pid` runs (any state but zombie or dead).
    public static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state != "Z" && state != "X" && state != nil
    }

    /// The children of `pid`, oldest first.
    public static func children(of pid: Int32) -> [Int32] {
        let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        return text.split(separator: " ").compactMap { Int32($0) }
    }
}
