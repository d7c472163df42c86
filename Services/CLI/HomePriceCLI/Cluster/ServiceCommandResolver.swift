import Foundation
import ServiceSupport

/// Finds the executable of a supervised service.
enum ServiceCommandResolver {
    /// A path containing `/` is taken relative to the project root; a bare name is looked up
    /// next to the running `homeprice`, then on `PATH`.
    static func resolve(_ command: String, layout: ProjectLayout) -> URL? {
        let fileManager = FileManager.default
        if command.contains("/") {
            let url = command.hasPrefix("/") ? URL(fileURLWithPath: command) : layout.root.appendingPathComponent(command)
            return fileManager.isExecutableFile(atPath: url.path) ? url : nil
        }
        let sibling = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent(command)
        if fileManager.isExecutableFile(atPath: sibling.path) { return sibling }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(command) }
            .first { fileManager.isExecutableFile(atPath: $0.path) }
    }
}
