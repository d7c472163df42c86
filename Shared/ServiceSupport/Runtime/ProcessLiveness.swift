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

    /// Whether `pid` holds a TCP socket listening on 127.0.0.1:`port` (or on every IPv4
    /// address at that port): one of its file descriptors is a listening socket of
    /// `/proc/<pid>/net/tcp` at that address.
    public static func listens(_ pid: Int32, onLoopbackPort port: Int) -> Bool {
        guard let table = try? String(contentsOfFile: "/proc/\(pid)/net/tcp", encoding: .utf8) else { return false }
        let portHex = String(format: "%04X", port)
        let listening = Set(
            table.split(separator: "\n").dropFirst().compactMap { line -> Substring? in
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                let columns = line.split(separator: " ", omittingEmptySubsequences: true)
                guard columns.count > 9, columns[3] == "0A",
                    ["0100007F:\(portHex)", "00000000:\(portHex)"].contains(String(columns[1]))
                else { return nil }
                return columns[9]
            })
        guard !listening.isEmpty,
            let descriptors = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")
        else { return false }
        return descriptors.contains { descriptor in
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\(descriptor)"),
                target.hasPrefix("socket:[")
            else { return false }
            return listening.contains(target.dropFirst("socket:[".count).dropLast())
        }
    }

    /// The children of `pid`, oldest first.
    public static func children(of pid: Int32) -> [Int32] {
        let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        return text.split(separator: " ").compactMap { Int32($0) }
    }
}
